package org.caveat.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Span;
import org.caveat.policy.Suggest;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read from a composed SnakeYAML node tree, which keeps source positions. Every
 * accessor reports problems into the shared diagnostics list instead of throwing, so one pass
 * finds all problems of a file.
 */
final class YamlMap {
  private final String file;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final List<Diagnostic> diagnostics;

  YamlMap(String file, Node node, List<Diagnostic> diagnostics) {
    this.file = file;
    this.node = node;
    this.diagnostics = diagnostics;
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
        if (key == null) {
          error("yaml.key", t.getKeyNode(), "keys must be plain strings", null);
        } else if (entries.containsKey(key)) {
          error("yaml.duplicate_key", t.getKeyNode(), "duplicate key `" + key + "`", "each key may appear once");
        } else {
          entries.put(key, t);
        }
      }
    } else {
      error("pack.type", node, "expected a mapping (key: value lines)", null);
    }
  }

  Span span() {
    return span(file, node);
  }

  /** The mapping itself, to report a problem of the whole entry (such as a missing pair of fields). */
  Node self() {
    return node;
  }

  static Span span(String file, Node n) {
    return new Span(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
  }

  Set<String> keys() {
    return entries.keySet();
  }

  Node node(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getValueNode();
  }

  Span keySpan(String key) {
    return span(file, entries.get(key).getKeyNode());
  }

  /** Reports keys outside {@code allowed}, with a did-you-mean hint. */
  void onlyKeys(Set<String> allowed, String what) {
    for (String k : entries.keySet()) {
      if (!allowed.contains(k)) {
        error("pack.unknown_field", entries.get(k).getKeyNode(), "unknown field `" + k + "` in " + what,
            Suggest.didYouMean(k, allowed));
      }
    }
  }

  String string(String key, boolean required) {
    Node n = node(key);
    if (n == null) {
      if (required) error("pack.missing_field", node, "missing required field `" + key + "`", null);
      return null;
    }
    if (n instanceof ScalarNode s) {
      return s.getValue();
    }
    error("pack.type", n, "`" + key + "` must be a single value", null);
    return null;
  }

  List<String> strings(String key) {
    Node n = node(key);
    return n == null ? new ArrayList<>() : stringsOf("`" + key + "`", n);
  }

  /** A plain value or a list of plain values, as a list. */
  List<String> stringsOf(String what, Node n) {
    List<String> out = new ArrayList<>();
    if (n instanceof ScalarNode s) {
      out.add(s.getValue());
    } else if (n instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s) out.add(s.getValue());
        else error("pack.type", item, what + " must be a list of plain values", null);
      }
    } else {
      error("pack.type", n, what + " must be a value or a list of values", null);
    }
    return out;
  }

  YamlMap map(String key) {
    Node n = node(key);
    return n == null ? null : new YamlMap(file, n, diagnostics);
  }

  /** Entries of a nested mapping keyed by id, in file order. */
  Map<String, YamlMap> mapOfMaps(String key) {
    Map<String, YamlMap> out = new LinkedHashMap<>();
    YamlMap m = map(key);
    if (m == null) return out;
    for (String k : m.keys()) {
      out.put(k, new YamlMap(file, m.node(k), diagnostics));
    }
    return out;
  }

  List<YamlMap> listOfMaps(String key) {
    List<YamlMap> out = new ArrayList<>();
    Node n = node(key);
    if (n == null) return out;
    if (!(n instanceof SequenceNode seq)) {
      error("pack.type", n, "`" + key + "` must be a list (lines starting with `- `)", null);
      return out;
    }
    for (Node item : seq.getValue()) out.add(new YamlMap(file, item, diagnostics));
    return out;
  }

  void error(String code, Node at, String message, String hint) {
    diagnostics.add(new Diagnostic(code, span(file, at), message, hint));
  }

  String file() {
    return file;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
