package org.caveat.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Parses the text of one framed item, once: a syntax error, a second value on the line, a
 * duplicate member name or a lone surrogate escape ({@code "\ud800"}) becomes the item's error,
 * each with where it is.
 */
final class ItemParser {
  private ItemParser() {}

  static RequestStream.Item parse(RequestStream.Item raw) {
    String text = raw.text();
    JsonParser p = null;
    try {
      p = Json.FACTORY.createParser(text);
      JsonNode node = Json.MAPPER.readTree(p);
      if (p.nextToken() != null) {
        return error(raw, syntax("more than one JSON value on one line; put each request on its own line", raw));
      }
      if (mayHoldSurrogateEscape(text)) {
        RequestError lone = Json.loneSurrogateError(node);
        if (lone != null) return error(raw, lone);
      }
      return new RequestStream.Item(node, null, raw.line(), raw.lastLine(), null);
    } catch (StreamConstraintsException e) {
      return error(raw, syntax(e.getOriginalMessage(), raw));
    } catch (JsonParseException e) {
      if (p != null && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field '")) {
        String pointer = p.getParsingContext().pathAsPointer().toString();
        return error(raw, new RequestError(null, "request.duplicate_key", "the member `"
            + p.getParsingContext().getCurrentName() + "` appears more than once in one object; each key may"
            + " appear once (a reader that kept the last one would silently change the request)", pointer));
      }
      long line = raw.line() + (e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr() - 1));
      return error(raw, syntax(e.getOriginalMessage(), raw, line));
    } catch (JsonProcessingException e) {
      return error(raw, syntax(e.getOriginalMessage(), raw));
    } catch (IOException e) {
      return error(raw, syntax(e.getMessage(), raw));
    } finally {
      if (p != null) {
        try {
          p.close();
        } catch (IOException ignored) {
          // a string parser holds nothing to release
        }
      }
    }
  }

  private static RequestStream.Item error(RequestStream.Item raw, RequestError e) {
    return new RequestStream.Item(null, e, raw.line(), raw.lastLine(), null);
  }

  private static RequestError syntax(String message, RequestStream.Item raw) {
    return RequestStream.syntax(message, raw.line(), raw.lastLine());
  }

  /** An error inside a many-line item names the line it is on. */
  private static RequestError syntax(String message, RequestStream.Item raw, long line) {
    if (raw.line() == raw.lastLine()) return syntax(message, raw);
    return RequestStream.syntax(message + " (line " + line + ")", raw.line(), raw.lastLine());
  }

  /** Cheap pre-check: lone surrogates can only come from a {@code \\uD8xx}–{@code \\uDFxx} escape. */
  static boolean mayHoldSurrogateEscape(String text) {
    for (int i = text.indexOf("\\u"); i >= 0 && i + 3 < text.length(); i = text.indexOf("\\u", i + 2)) {
      char a = text.charAt(i + 2);
      char b = Character.toLowerCase(text.charAt(i + 3));
      if ((a == 'd' || a == 'D') && b >= '8' && b <= 'f' && (b <= '9' || b >= 'a')) return true;
    }
    return false;
  }

  /** The JSON Pointer of the first member name or string holding a lone surrogate, or null. */
  static String loneSurrogate(JsonNode node, String pointer) {
    if (node.isTextual()) return hasLoneSurrogate(node.textValue()) ? pointer : null;
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String at = loneSurrogate(node.get(i), pointer + "/" + i);
        if (at != null) return at;
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        if (hasLoneSurrogate(e.getKey())) return child;
        String at = loneSurrogate(e.getValue(), child);
        if (at != null) return at;
      }
    }
    return null;
  }

  static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return true;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
