package org.caveat.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Span;
import org.caveat.policy.Suggest;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Reads a mapping file (YAML) into a {@link MappingSpec}, keeping the line and column of every
 * expression, and reports every structural problem at once as {@link Diagnostic}s
 * ({@code file:line:col: error[code]: message (hint: …)}). The YAML is composed to nodes (not
 * constructed to objects) precisely to keep those positions.
 */
final class MappingLoader {
  static final String DEFAULT_RESOURCE = "default-mapping.yaml";

  private MappingLoader() {}

  static MappingSpec load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    } catch (NoSuchFileException e) {
      throw fail(new Diagnostic("mapping.not_found", Span.of(file.toString()), "no such mapping file", null));
    } catch (IOException e) {
      throw fail(new Diagnostic("mapping.io", Span.of(file.toString()), "cannot read: " + e.getMessage(), null));
    }
  }

  static MappingSpec builtIn() {
    InputStream in = MappingLoader.class.getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) throw new IllegalStateException("the default mapping is missing from the jar");
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(r, "default-mapping.yaml");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static MappingSpec read(Reader r, String file) throws IOException {
    String text = new java.io.BufferedReader(r).lines().collect(java.util.stream.Collectors.joining("\n"));
    String[] lines = text.split("\n", -1);
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options).compose(new java.io.StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      throw fail(new Diagnostic("yaml.syntax", m == null ? Span.of(file) : new Span(file, m.getLine() + 1,
          m.getColumn() + 1), e.getProblem(), "check indentation and quoting"));
    }
    List<Diagnostic> problems = new ArrayList<>();
    if (!(root instanceof MappingNode top)) {
      throw fail(new Diagnostic("mapping.type", root == null ? Span.of(file) : span(file, root),
          "a mapping file is a YAML map with `fields:` and optionally `weapons:`", null));
    }
    Map<String, MappingSpec.Expr> fields = new LinkedHashMap<>();
    List<MappingSpec.WeaponEntry> weapons = new ArrayList<>();
    boolean sawFields = false;
    for (NodeTuple t : top.getValue()) {
      String key = scalar(t.getKeyNode());
      switch (key) {
        case "fields" -> {
          sawFields = true;
          readFields(file, lines, t.getValueNode(), fields, problems);
        }
        case "weapons" -> readWeapons(file, lines, t.getValueNode(), weapons, problems);
        default -> problems.add(new Diagnostic("mapping.unknown_field", span(file, t.getKeyNode()),
            "unknown key `" + key + "`", Suggest.didYouMean(key, List.of("fields", "weapons"))));
      }
    }
    if (!sawFields) problems.add(new Diagnostic("mapping.missing_field", span(file, top), "no `fields:` section", null));
    for (String f : MappingSpec.REQUIRED) {
      if (sawFields && !fields.containsKey(f)) {
        problems.add(new Diagnostic("mapping.missing_field", span(file, top), "field `" + f + "` has no expression",
            "every mapping derives " + String.join(", ", MappingSpec.REQUIRED)));
      }
    }
    return new MappingSpec(file, fields, weapons, List.copyOf(problems));
  }

  private static void readFields(String file, String[] lines, Node node, Map<String, MappingSpec.Expr> out, List<Diagnostic> problems) {
    if (!(node instanceof MappingNode m)) {
      problems.add(new Diagnostic("mapping.type", span(file, node), "`fields:` must be a map of field: expression", null));
      return;
    }
    for (NodeTuple t : m.getValue()) {
      String name = scalar(t.getKeyNode());
      if (!MappingSpec.FIELDS.contains(name)) {
        problems.add(new Diagnostic("mapping.unknown_field", span(file, t.getKeyNode()), "unknown request field `"
            + name + "`", Suggest.didYouMean(name, MappingSpec.FIELDS)));
        continue;
      }
      MappingSpec.Expr e = expr(file, lines, t.getValueNode(), problems);
      if (e != null) out.put(name, e);
    }
  }

  private static void readWeapons(String file, String[] lines, Node node, List<MappingSpec.WeaponEntry> out, List<Diagnostic> problems) {
    if (!(node instanceof SequenceNode seq)) {
      problems.add(new Diagnostic("mapping.type", span(file, node), "`weapons:` must be a list of entries", null));
      return;
    }
    for (Node item : seq.getValue()) {
      if (!(item instanceof MappingNode m)) {
        problems.add(new Diagnostic("mapping.type", span(file, item), "a weapon entry is a map with `when:`", null));
        continue;
      }
      MappingSpec.Expr when = null;
      Map<String, Object> values = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String key = scalar(t.getKeyNode());
        if (key.equals("when")) {
          when = expr(file, lines, t.getValueNode(), problems);
        } else if (MappingSpec.WEAPON_FIELDS.contains(key) && t.getValueNode() instanceof ScalarNode v) {
          values.put(key, key.equals("range_km") ? number(file, v, problems) : v.getValue());
        } else {
          List<String> known = new ArrayList<>(MappingSpec.WEAPON_FIELDS);
          known.add("when");
          problems.add(new Diagnostic("mapping.unknown_field", span(file, t.getKeyNode()), "unknown or non-scalar key `"
              + key + "` in a weapon entry", Suggest.didYouMean(key, known)));
        }
      }
      if (when == null) {
        problems.add(new Diagnostic("mapping.missing_field", span(file, item), "weapon entry without `when:`", null));
      } else {
        out.add(new MappingSpec.WeaponEntry(when, values, span(file, item)));
      }
    }
  }

  private static Double number(String file, ScalarNode v, List<Diagnostic> problems) {
    try {
      double d = Double.parseDouble(v.getValue());
      if (Double.isFinite(d) && d >= 0) return d;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.add(new Diagnostic("mapping.bad_value", span(file, v), "range_km must be a number of km ≥ 0, got `"
        + v.getValue() + "`", null));
    return null;
  }

  private static MappingSpec.Expr expr(String file, String[] text, Node node, List<Diagnostic> problems) {
    if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
      problems.add(new Diagnostic("cel.empty", span(file, node), "expected a CEL expression", "e.g. row.actor1"));
      return null;
    }
    DumperOptions.ScalarStyle style = s.getScalarStyle();
    boolean block = style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
    boolean quoted = style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    Mark start = s.getStartMark();
    Mark end = s.getEndMark();
    // Where each source line of the expression starts: [line, column, length], 1-based.
    List<int[]> pieces = new ArrayList<>();
    for (int i = start.getLine() + (block ? 1 : 0); i <= end.getLine() && i < text.length; i++) {
      String l = text[i];
      int from = i == start.getLine() ? start.getColumn() + (quoted ? 1 : 0) : 0;
      int to = i == end.getLine() ? Math.min(end.getColumn(), l.length()) : l.length();
      while (from < to && l.charAt(from) == ' ') from++;
      if (from >= to) continue;
      pieces.add(new int[] {i + 1, from + 1, l.substring(from, to).strip().length()});
    }
    Span at = pieces.isEmpty() ? span(file, s) : new Span(file, pieces.get(0)[0], pieces.get(0)[1]);
    return new MappingSpec.Expr(s.getValue(), at, style == DumperOptions.ScalarStyle.LITERAL, pieces);
  }

  private static String scalar(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : "";
  }

  static Span span(String file, Node n) {
    Mark m = n.getStartMark();
    return new Span(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private static PolicyException fail(Diagnostic d) {
    return new PolicyException(List.of(d));
  }
}
