package org.caveat.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Damage done to one good input line, as files get damaged: cut short, wrong types, NaN, a
 * byte-order mark, deep nesting, huge strings, duplicate keys, invalid UTF-8, lone surrogates,
 * stray quotes and brackets. Never a line break: the result stays one line.
 */
final class Mutations {
  private Mutations() {}

  private static final String[] VALUES = {"[1]", "\"x\"", "true", "null", "NaN", "-Infinity", "{}", "[", "{", "1e400"};

  /** One line of damage to {@code good}, as UTF-8 bytes (possibly invalid UTF-8). */
  static byte[] mutate(String good, Random rnd) {
    String s = good;
    int at = rnd.nextInt(s.length() + 1);
    return switch (rnd.nextInt(16)) {
      case 0 -> utf8(s.substring(0, at));                                    // truncated anywhere
      case 1 -> utf8(s.substring(0, at) + "\"" + s.substring(at));            // stray quote
      case 2 -> utf8(s.replaceFirst("50\\.57", VALUES[rnd.nextInt(VALUES.length)])); // wrong type / NaN
      case 3 -> utf8("\uFEFF" + (rnd.nextBoolean() ? s : s.substring(0, at))); // byte-order mark
      case 4 -> utf8("{\"a\":".repeat(40 + rnd.nextInt(60)) + "1" + "}".repeat(rnd.nextInt(100)));
      case 5 -> utf8(s.replace("\"s\"", "\"" + "x".repeat(rnd.nextInt(60) == 0 ? Json.MAX_REQUEST_CHARS + 1 : 5000) + "\""));
      case 6 -> utf8(s.replace("\"user\":\"UA\"", "\"user\":\"UA\",\"user\":\"XX\""));
      case 7 -> withBytes(s, at, new byte[][] {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0xF0, (byte) 0x9F}}[rnd.nextInt(4)]);
      case 8 -> utf8(s.replace("\"artillery\"", "\"arti\\ud800llery\""));
      case 9 -> utf8(s.substring(0, at) + "{[]},:".charAt(rnd.nextInt(6)) + s.substring(at));
      case 10 -> utf8(at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s);  // a character lost
      case 11 -> utf8(VALUES[rnd.nextInt(VALUES.length)]);                   // a line that is only a value
      case 12 -> utf8(" ".repeat(rnd.nextInt(3)) + (rnd.nextBoolean() ? "{" : "[") + " ".repeat(rnd.nextInt(2)));
      case 13 -> utf8(s.substring(0, at) + " " + s);                         // two values, or one cut into another
      case 14 -> utf8(rnd.nextBoolean() ? "" : "  \t");                      // blank
      default -> utf8(s.substring(at) + s.substring(0, at));                 // rotated: starts mid-value
    };
  }

  /** Whether a mutated line is blank (it then has no item). */
  static boolean blank(byte[] line) {
    String s = new String(line, StandardCharsets.UTF_8);
    if (s.startsWith("\uFEFF")) s = s.substring(1);
    return s.isBlank() && !s.contains("\uFFFD");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withBytes(String s, int at, byte[] bad) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(s.substring(0, at)));
    out.writeBytes(bad);
    out.writeBytes(utf8(s.substring(at)));
    return out.toByteArray();
  }
}
