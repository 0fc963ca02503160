package org.caveat.replay;

import java.util.List;
import java.util.Map;
import org.caveat.policy.Span;

/**
 * A mapping file as written, before compilation: each request field's CEL expression with where
 * it is in the file, the weapon table (a CEL condition and the literal weapon it names), and the
 * structural problems found while reading (reported together with the compiler's).
 */
record MappingSpec(String file, Map<String, Expr> fields, List<WeaponEntry> weapons,
    List<org.caveat.policy.Diagnostic> problems) {
  /**
   * A CEL expression, the position of its first character, and where each of its source lines
   * starts in the file ({@code [line, column]}, 1-based): CEL positions are mapped back through
   * them, for plain, quoted and block scalars alike.
   */
  record Expr(String text, Span at, boolean literal, List<int[]> lines) {
    /** The file position of CEL's (1-based line, 0-based column) within this expression. */
    Span position(int celLine, int celColumn) {
      if (lines.isEmpty() || celLine < 1) return at;
      if (literal) {
        int[] l = lines.get(Math.min(celLine, lines.size()) - 1);
        return new Span(at.file(), l[0], l[1] + Math.max(0, celColumn));
      }
      // Folded and plain scalars join their lines with one space: walk the pieces.
      int c = Math.max(0, celColumn);
      for (int[] l : lines) {
        if (c <= l[2]) return new Span(at.file(), l[0], l[1] + c);
        c -= l[2] + 1;
      }
      int[] last = lines.get(lines.size() - 1);
      return new Span(at.file(), last[0], last[1] + last[2]);
    }
  }

  /** One line of the weapon table: when {@code when} holds, the weapon fields take these values. */
  record WeaponEntry(Expr when, Map<String, Object> values, Span at) {}

  /** The request fields a mapping may derive, in output order. */
  static final List<String> FIELDS = List.of("id", "time", "user", "purpose", "weapon.origin", "weapon.system",
      "weapon.munition", "weapon.class", "weapon.range_km", "target.lat", "target.lon", "target.category",
      "target.activity", "target.used_in_invasion");

  /** The fields a weapon-table entry may set. */
  static final List<String> WEAPON_FIELDS = List.of("origin", "system", "munition", "class", "range_km");

  /** Fields without which no request can be formed. */
  static final List<String> REQUIRED = List.of("time", "user", "target.lat", "target.lon");
}
