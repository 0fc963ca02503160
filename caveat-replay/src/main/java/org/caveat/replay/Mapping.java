package org.caveat.replay;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caveat.model.Request;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;

/**
 * A compiled mapping from ACLED rows to requests: every field's CEL expression (over the string
 * variables {@code row.<column>}) and the weapon table's conditions, type-checked once, then
 * evaluated per row. Immutable and thread-safe.
 *
 * <p>For speed the checked expressions are also combined into one CEL program returning a list
 * (every field, then the index of the first weapon entry whose condition holds, found by a chain
 * of conditionals so later conditions are not evaluated): one evaluation per row instead of one per
 * field. When that evaluation fails, the fields are evaluated one by one to name the failing one.
 *
 * <p>Faster still, the common forms are compiled to plain Java ({@link RowExpressions}): a row is
 * first mapped by those, with one CEL program for the fields left to CEL (none for the shipped
 * mapping). When a compiled form cannot decide a row, or that program fails, the row is mapped by
 * the combined program above, so values and errors are exactly CEL's.
 */
public final class Mapping {
  private static final String UNKNOWN = "unknown";

  private final Cel cel;
  private final String file;
  private final List<String> fields;
  private final List<CelRuntime.Program> fieldPrograms;
  private final List<MappingSpec.Expr> fieldExprs;
  private final List<MappingSpec.WeaponEntry> weapons;
  /**
   * The combined program, compiled on first use: with every field in Java (the shipped mapping)
   * no row may ever need it, and type-checking one expression of every field and the weapon chain
   * is a large part of a replay's start-up.
   */
  private final java.util.function.Supplier<CelRuntime.Program> combined;
  /** Each compiled field's Java form, or null where CEL evaluates it. */
  private final RowExpressions.Value[] direct;
  /** The weapon conditions in Java, or null when any is left to CEL. */
  private final RowExpressions.Value[] directWeapons;
  /** The fields (and the weapon chain) left to CEL, as one program returning a list; null when none. */
  private final CelRuntime.Program rest;
  /** The canonical columns the expressions read. */
  private final java.util.BitSet columns;
  /** The keyword tests the combined program reads as variables, by variable number. */
  private final PreparedKeywords.Keyword[][] keywords;
  /** Position in {@link MappingSpec#FIELDS} of each compiled field. */
  private final int[] fieldIndex;
  /** Each weapon entry's values by position in {@link MappingSpec#FIELDS} (null: not set). */
  private final Object[][] weaponValues;
  /** Every variable name the combined program may ask for: a column index, or -1 - keyword variable number. */
  private final Map<String, Integer> variableIndex;
  /** The choice variables the combined program reads, by number. */
  private final PreparedKeywords.Choice[] choices;

  private Mapping(Cel cel, MappingSpec spec, List<String> fields, List<CelRuntime.Program> programs,
      java.util.function.Supplier<CelRuntime.Program> combined, List<PreparedKeywords.Keyword[]> keywords, List<PreparedKeywords.Choice> choices,
      Compiled compiled) {
    this.direct = compiled.fields().toArray(RowExpressions.Value[]::new);
    this.directWeapons = compiled.weapons();
    this.rest = compiled.rest();
    this.columns = compiled.columns();
    this.keywords = keywords.toArray(PreparedKeywords.Keyword[][]::new);
    Map<String, Integer> names = new HashMap<>(RowVariables.INDEX);
    for (int k = 0; k < this.keywords.length; k++) names.put(PreparedKeywords.PREFIX + k, -1 - k);
    for (int c = 0; c < choices.size(); c++) names.put(PreparedKeywords.CHOICE_PREFIX + c, RowVariables.CHOICE_BASE - c);
    this.choices = choices.toArray(PreparedKeywords.Choice[]::new);
    this.variableIndex = names; // a HashMap, never modified after construction: faster to probe than Map.copyOf's
    this.fieldIndex = fields.stream().mapToInt(MappingSpec.FIELDS::indexOf).toArray();
    this.weaponValues = spec.weapons().stream().map(w -> {
      Object[] a = new Object[MappingSpec.FIELDS.size()];
      w.values().forEach((k, x) -> a[MappingSpec.FIELDS.indexOf("weapon." + k)] = x);
      return a;
    }).toArray(Object[][]::new);
    this.cel = cel;
    this.file = spec.file();
    this.fields = fields;
    this.fieldPrograms = programs;
    this.fieldExprs = fields.stream().map(f -> spec.fields().get(f)).toList();
    this.weapons = spec.weapons();
    this.combined = combined;
  }

  /** The default mapping shipped as {@code org/caveat/replay/default-mapping.yaml}. */
  public static Mapping defaults() {
    return compile(MappingLoader.builtIn());
  }

  /** @throws PolicyException with every problem of the file, each with line and column */
  public static Mapping load(Path file) {
    return compile(MappingLoader.load(file));
  }

  static Mapping compile(MappingSpec spec) {
    Cel cel = environment(0, List.of());
    PreparedKeywords keywords = new PreparedKeywords();
    List<Diagnostic> problems = new ArrayList<>(spec.problems());
    List<String> fields = new ArrayList<>();
    List<CelRuntime.Program> programs = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    List<PreparedKeywords.Choice> choices = new ArrayList<>();
    List<RowExpressions.Value> direct = new ArrayList<>();
    List<String> restParts = new ArrayList<>();
    java.util.BitSet read = new java.util.BitSet();
    for (String f : MappingSpec.FIELDS) {
      MappingSpec.Expr e = spec.fields().get(f);
      if (e == null) continue;
      CelAbstractSyntaxTree ast = MappingChecks.check(cel, e, problems);
      if (ast == null) continue;
      if (!MappingChecks.typeFits(f, ast, e, problems)) continue;
      columnsRead(ast, read);
      fields.add(f);
      programs.add(program(cel, ast));
      String rewritten = keywords.rewrite(e.text());
      PreparedKeywords.Choice choice = PreparedKeywords.stringChoice(rewritten);
      if (choice != null) {
        choices.add(choice);
        rewritten = PreparedKeywords.CHOICE_PREFIX + (choices.size() - 1);
      }
      parts.add("dyn(" + rewritten + ")");
      RowExpressions.Value java = RowExpressions.compile(ast);
      direct.add(java);
      if (java == null) restParts.add(parts.get(parts.size() - 1));
    }
    List<RowExpressions.Value> whens = new ArrayList<>();
    StringBuilder chain = new StringBuilder();
    List<Integer> weaponVariables = new ArrayList<>();
    for (int i = 0; i < spec.weapons().size(); i++) {
      MappingSpec.WeaponEntry w = spec.weapons().get(i);
      CelAbstractSyntaxTree ast = MappingChecks.check(cel, w.when(), problems);
      if (ast != null) MappingChecks.isCondition(ast, w.when(), problems);
      if (ast != null) columnsRead(ast, read);
      whens.add(ast == null ? null : RowExpressions.compile(ast));
      MappingChecks.weaponValues(w, problems);
      String when = keywords.rewrite(w.when().text());
      Integer single = PreparedKeywords.single(when);
      if (single != null && weaponVariables != null) weaponVariables.add(single);
      else weaponVariables = null;
      chain.append("(").append(when).append(") ? ").append(i).append(" : ");
    }
    chain.append("-1");
    if (!problems.isEmpty()) throw new PolicyException(problems);
    RowExpressions.Value[] directWeapons = whens.contains(null) ? null : whens.toArray(RowExpressions.Value[]::new);
    if (weaponVariables == null) {
      parts.add(chain.toString());
    } else {
      // Every condition is one keyword variable: the chain is a choice among the entries' numbers.
      choices.add(new PreparedKeywords.Choice(weaponVariables.stream().mapToInt(Integer::intValue).toArray(),
          java.util.stream.LongStream.range(0, weaponVariables.size()).boxed().toArray(), -1L));
      parts.add(PreparedKeywords.CHOICE_PREFIX + (choices.size() - 1));
    }
    if (directWeapons == null) restParts.add(parts.get(parts.size() - 1));
    Cel run = environment(keywords.variables().size(), choices);
    Compiled compiled = new Compiled(direct, directWeapons, restParts.isEmpty() ? null : listProgram(run, restParts), read);
    return new Mapping(cel, spec, fields, programs, onFirstUse(() -> listProgram(run, parts)), keywords.variables(),
        choices, compiled);
  }

  /** The Java forms of the fields and weapon conditions, and the program for what is left to CEL. */
  private record Compiled(List<RowExpressions.Value> fields, RowExpressions.Value[] weapons, CelRuntime.Program rest,
      java.util.BitSet columns) {}

  /** Adds the columns a checked expression reads: every {@code row.<column>} variable it refers to. */
  private static void columnsRead(CelAbstractSyntaxTree ast, java.util.BitSet read) {
    for (dev.cel.common.ast.CelReference r : ast.getReferenceMap().values()) {
      Integer column = RowVariables.INDEX.get(r.name());
      if (column != null) read.set(column);
    }
  }

  /**
   * Whether some field or weapon condition reads the column (its canonical index in
   * {@link AcledColumns}); a source need not extract the others.
   */
  public boolean reads(int column) {
    return columns.get(column);
  }

  /** The value made by {@code make} on the first call, once, then the same value (thread-safe). */
  private static <T> java.util.function.Supplier<T> onFirstUse(java.util.function.Supplier<T> make) {
    return new java.util.function.Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            if (value == null) value = make.get();
            v = value;
          }
        }
        return v;
      }
    };
  }

  /** One program evaluating the (checked, rewritten) expressions into a list. */
  private static CelRuntime.Program listProgram(Cel run, List<String> parts) {
    CelValidationResult all = run.compile("[" + String.join(",\n", parts) + "]");
    if (all.hasError()) throw new IllegalStateException("checked expressions failed to combine: " + all.getErrorString());
    try {
      return program(run, all.getAst());
    } catch (dev.cel.common.CelValidationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param keywordVariables how many {@link PreparedKeywords} variables to declare
   * @param choices          the {@link PreparedKeywords.Choice} variables to declare (strings or, for
   *                         the weapon table, ints)
   */
  private static Cel environment(int keywordVariables, List<PreparedKeywords.Choice> choices) {
    CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    var b = CelFactory.plannerCelBuilder().setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(CelExtensions.strings(), CelExtensions.bindings())
        .addRuntimeLibraries(CelExtensions.strings());
    for (String c : AcledColumns.NAMES) b.addVar("row." + c, SimpleType.STRING);
    for (int i = 0; i < keywordVariables; i++) b.addVar(PreparedKeywords.PREFIX + i, SimpleType.BOOL);
    for (int i = 0; i < choices.size(); i++) {
      b.addVar(PreparedKeywords.CHOICE_PREFIX + i, choices.get(i).otherwise() instanceof Long ? SimpleType.INT : SimpleType.STRING);
    }
    return b.build();
  }

  private static CelRuntime.Program program(Cel cel, CelAbstractSyntaxTree ast) {
    try {
      return cel.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("cel-java refused a checked expression: " + e.getMessage(), e);
    }
  }

  /** The file the mapping came from (for messages). */
  public String file() {
    return file;
  }

  /** What a row maps to: a request, or the attributes that prevented one (unattributed event). */
  public record Mapped(Request request, List<String> unknown) {}

  /**
   * Evaluates the mapping over a row in canonical column order.
   *
   * @param asOf the time for a row whose {@code time} expression gives "" (null: such a row is bad)
   *
   * @throws BadRow when an expression fails or yields a value a request cannot hold
   */
  public Mapped apply(String[] row, java.time.Instant asOf) {
    RowVariables vars = new RowVariables(row, keywords, choices, variableIndex);
    Object[] v = viaJava(row, vars);
    return RequestAssembly.build(v != null ? v : viaCel(vars), asOf);
  }

  /** The same values as {@link #apply} through the combined CEL program only (for tests comparing the two). */
  Mapped applyThroughCel(String[] row, java.time.Instant asOf) {
    return RequestAssembly.build(viaCel(new RowVariables(row, keywords, choices, variableIndex)), asOf);
  }

  /** Whether every field and weapon condition runs as Java (no CEL evaluation per row). */
  boolean allJava() {
    return rest == null;
  }

  /** The field values by the compiled forms (and the rest program), or null when CEL must map the row. */
  private Object[] viaJava(String[] row, RowVariables vars) {
    List<?> others = List.of();
    if (rest != null) {
      try {
        others = (List<?>) rest.eval(vars);
      } catch (CelEvaluationException e) {
        return null;
      }
    }
    Object[] v = new Object[MappingSpec.FIELDS.size()];
    RowCells cells = new RowCells(row);
    int next = 0;
    try {
      for (int i = 0; i < fieldIndex.length; i++) {
        v[fieldIndex[i]] = direct[i] != null ? direct[i].eval(cells) : others.get(next++);
      }
      int weapon = -1;
      if (directWeapons == null) {
        weapon = (int) (long) (Long) others.get(next);
      } else {
        for (int w = 0; w < directWeapons.length && weapon < 0; w++) if ((Boolean) directWeapons[w].eval(cells)) weapon = w;
      }
      withWeapon(v, weapon);
      return v;
    } catch (RowExpressions.Undecided e) {
      return null;
    }
  }

  private Object[] viaCel(RowVariables vars) {
    List<?> values;
    try {
      values = (List<?>) combined.get().eval(vars);
    } catch (CelEvaluationException e) {
      throw fieldFailure(vars, e);
    }
    // Values by position in MappingSpec.FIELDS; a matching weapon entry overrides the weapon fields.
    Object[] v = new Object[MappingSpec.FIELDS.size()];
    for (int i = 0; i < fieldIndex.length; i++) v[fieldIndex[i]] = values.get(i);
    withWeapon(v, (int) (long) (Long) values.get(values.size() - 1));
    return v;
  }

  /** A matching weapon entry (its number, or -1 for none) overrides the weapon fields. */
  private void withWeapon(Object[] v, int weapon) {
    if (weapon < 0) return;
    Object[] w = weaponValues[weapon];
    for (int i = 0; i < w.length; i++) if (w[i] != null) v[i] = w[i];
  }

  private BadRow fieldFailure(RowVariables vars, CelEvaluationException whole) {
    for (int i = 0; i < fields.size(); i++) {
      try {
        fieldPrograms.get(i).eval(vars);
      } catch (CelEvaluationException e) {
        return new BadRow("mapping field " + fields.get(i) + " (" + fieldExprs.get(i).at() + ") failed: "
            + e.getMessage());
      }
    }
    return new BadRow("the mapping's weapon table failed: " + whole.getMessage());
  }

  /** Binds {@code row.<column>} to the row's values without building a map per row. */
  private static final class RowVariables implements dev.cel.runtime.CelVariableResolver {
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
      for (int i = 0; i < AcledColumns.NAMES.size(); i++) INDEX.put("row." + AcledColumns.NAMES.get(i), i);
    }

    private static final java.util.Optional<Object> TRUE = java.util.Optional.of(Boolean.TRUE);
    private static final java.util.Optional<Object> FALSE = java.util.Optional.of(Boolean.FALSE);

    private final String[] row;
    /** Indices at or below this stand for choice variables ({@code CHOICE_BASE - number}). */
    static final int CHOICE_BASE = -1_000_000;

    private final PreparedKeywords.Keyword[][] keywords;
    private final PreparedKeywords.Choice[] choices;
    private final Map<String, Integer> names;

    RowVariables(String[] row, PreparedKeywords.Keyword[][] keywords, PreparedKeywords.Choice[] choices,
        Map<String, Integer> names) {
      this.row = row;
      this.keywords = keywords;
      this.choices = choices;
      this.names = names;
    }

    /** One hash lookup per variable: columns by index, keyword tests computed on demand. */
    @Override
    public java.util.Optional<Object> find(String name) {
      Integer i = names.get(name);
      if (i == null) return java.util.Optional.empty();
      if (i <= CHOICE_BASE) return java.util.Optional.of(choices[CHOICE_BASE - i].pick(keywords, row));
      if (i < 0) return PreparedKeywords.holds(keywords[-1 - i], row) ? TRUE : FALSE;
      return java.util.Optional.of(row[i]);
    }
  }

  static final Set<String> UNKNOWN_WORDS = Set.of(UNKNOWN, "");
}
