package org.caveat.server.decide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds unpaired UTF-16 surrogates ({@code "\ud800"} escapes) in a request. Such a string has no
 * UTF-8 form: logged, it would be stored as something other than what was decided, so the request
 * is refused instead, naming the field.
 */
final class Unpaired {
  private Unpaired() {}

  /** Whether {@code s} holds a surrogate that is not half of a pair. */
  static boolean in(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
      else return true;
    }
    return false;
  }

  /** The JSON Pointer of the first field name or string value with an unpaired surrogate, or null. */
  static String pointer(JsonNode n, String at) {
    if (n.isTextual()) return in(n.textValue()) ? at : null;
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String child = at + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
        if (in(f.getKey())) return child;
        String p = pointer(f.getValue(), child);
        if (p != null) return p;
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        String p = pointer(n.get(i), at + "/" + i);
        if (p != null) return p;
      }
    }
    return null;
  }
}
