package org.caveat.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Span;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Composing YAML with positions kept, and YAML nodes as JSON (for requests written in YAML). */
final class Yamls {
  private Yamls() {}

  /** The node tree of a document, or null after a {@code yaml.syntax} or {@code pack.empty} diagnostic. */
  static Node compose(String file, String text, List<Diagnostic> diagnostics) {
    try {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(4 * 1024 * 1024);
      options.setNestingDepthLimit(20);
      Node root = new Yaml(options).compose(new java.io.StringReader(text));
      if (root == null) diagnostics.add(new Diagnostic("pack.empty", Span.of(file), "the file is empty", null));
      return root;
    } catch (MarkedYAMLException e) {
      var m = e.getProblemMark();
      diagnostics.add(new Diagnostic("yaml.syntax", new Span(file, m.getLine() + 1, m.getColumn() + 1),
          e.getProblem(), "check indentation and quoting on that line"));
    } catch (YAMLException e) {
      diagnostics.add(new Diagnostic("yaml.syntax", Span.of(file), String.valueOf(e.getMessage()), null));
    }
    return null;
  }

  static boolean isNull(Node n) {
    return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  /**
   * The node as JSON with YAML's resolved types (numbers, booleans, null; timestamps and
   * everything else as text), recording the position of every JSON Pointer under {@code pointer}.
   */
  static JsonNode toJson(String file, Node n, String pointer, Map<String, Span> pointers) {
    pointers.put(pointer, YamlMap.span(file, n));
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (n instanceof MappingNode m) {
      ObjectNode o = f.objectNode();
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
        o.set(key, toJson(file, t.getValueNode(), pointer + "/" + key.replace("~", "~0").replace("/", "~1"), pointers));
      }
      return o;
    }
    if (n instanceof SequenceNode seq) {
      var a = f.arrayNode();
      for (int i = 0; i < seq.getValue().size(); i++) {
        a.add(toJson(file, seq.getValue().get(i), pointer + "/" + i, pointers));
      }
      return a;
    }
    ScalarNode s = (ScalarNode) n;
    String v = s.getValue();
    Tag tag = s.getTag();
    try {
      if (tag.equals(Tag.NULL)) return f.nullNode();
      if (tag.equals(Tag.BOOL)) return f.booleanNode(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")
          || v.equalsIgnoreCase("on"));
      if (tag.equals(Tag.INT)) return f.numberNode(new BigDecimal(v.replace("_", "")).longValueExact());
      if (tag.equals(Tag.FLOAT)) return f.numberNode(Double.parseDouble(v.replace("_", "")));
    } catch (NumberFormatException | ArithmeticException e) {
      // An unusual YAML number form (hex, sexagesimal, .inf): kept as text, so the reader reports its type.
    }
    return f.textNode(v);
  }
}
