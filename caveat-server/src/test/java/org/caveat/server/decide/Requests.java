package org.caveat.server.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated request bodies for comparing read paths: mostly sound requests around the built-in
 * packs' grants, with every field sometimes absent, null or of the wrong type, numbers written in
 * every JSON form, escapes, unknown members holding any JSON, what-ifs, non-ASCII text, surrogate
 * escapes, and broken or duplicated members.
 */
final class Requests {
  private static final String[] USERS = {"\"UA\"", "\"RU\"", "\"US\""};
  private static final String[] BAD_USERS = {"\"ua\"", "12", "null"};
  private static final String[] ORIGINS = {"\"US\"", "\"DE\"", "\"GB\"", "\"AU\"", "\"FR\""};
  private static final String[] CLASSES = {"\"rocket_artillery\"", "\"cruise_missile\"", "\"tube_artillery\"",
      "\"drone\"", "\"ballistic_missile\"", "\"unknown\""};
  private static final String[] BAD_CLASSES = {"\"tank\"", "\"rocket\"", "1"};
  private static final String[] CATEGORIES = {"\"artillery\"", "\"troops\"", "\"command_post\"",
      "\"air_defense_system\"", "\"unknown\"", "\"rocket_launcher\""};
  private static final String[] BAD_CATEGORIES = {"\"artilery\"", "null", "[]"};
  private static final String[] ACTIVITIES = {"\"attacking\"", "\"idle\"", "\"massing\"", "\"preparing_attack\""};
  private static final String[] BAD_ACTIVITIES = {"\"moving\"", "0"};
  private static final String[] PURPOSES = {"\"counter_fire\"", "\"interdiction\"", "\"self_defense\"",
      "\"deep_strike\"", "\"self_defence\""};
  private static final String[] TIMES = {"\"2024-06-01T03:00:00Z\"", "\"2023-01-15T12:00:00Z\"", "\"2024-05-31T23:59:59.5Z\"",
      "\"2024-06-01T05:00:00+02:00\"", "\"2022-02-01T00:00:00Z\"", "\"2024-09-01T10:00:00.000Z\""};
  private static final String[] BAD_TIMES = {"\"not a time\"", "null", "1717210800"};
  private static final String[] NUMBERS = {"84", "84.0", "8.4e1", "8.4E+1", "840e-1", "-0", "-0.0", "0.1", "1e400",
      "12345678901234567890", "2147483648", "1.0000000000000002", "5e-324", "300", "1E3"};
  private static final String[] BAD_NUMBERS = {"-2147483649", "NaN", "\"84\"", "-5"};
  private static final String[] EXTRAS = {"1", "1.5", "1E5", "-0", "123456789012345678901234567890", "0.30000000000000004",
      "true", "null", "\"x\\ty\\\"z\\/ \\\\ \\b\\f\\n\\r\"", "[1,2.5,{\"a\":null,\"b\":[[]]}]", "{}", "[]",
      "\"caf\u00e9\"", "\"\\u00e9\\ud83d\\ude00\"", "\"\\ud800\"", "{\"deep\":{\"er\":[1e2,-3,\"s\"]}}"};

  private Requests() {}

  /** A body as a client sends one request: compact or pretty. */
  static String body(Random r) {
    String compact = line(r);
    return r.nextInt(3) == 0 ? compact.replace(",\"", ",\n  \"").replace("{", "{\n  ").replace("}", "\n}") : compact;
  }

  /** One request on one line (sometimes broken). */
  static String line(Random r) {
    List<String> m = new ArrayList<>();
    if (r.nextInt(3) > 0) {
      m.add("\"id\":" + (r.nextInt(10) > 0 ? "\"r-" + r.nextInt(1000) + "\"" : pick(r, "\"\"", "7", "\"caf\u00e9-1\"")));
    }
    if (r.nextInt(12) > 0) m.add("\"time\":" + pick(r, TIMES, BAD_TIMES));
    if (r.nextInt(20) > 0) m.add("\"user\":" + pick(r, USERS, BAD_USERS));
    if (r.nextInt(40) > 0) m.add("\"weapon\":" + weapon(r));
    if (r.nextInt(40) > 0) m.add("\"target\":" + target(r));
    if (r.nextBoolean()) m.add("\"purpose\":" + pick(r, PURPOSES));
    if (r.nextInt(4) == 0) m.add("\"note\":" + pick(r, EXTRAS));
    if (r.nextInt(3) == 0) m.add("\"figures\":[" + number(r) + "," + number(r) + "," + number(r) + "]");
    if (r.nextInt(8) == 0) m.add("\"weapon_note\":{\"range_km\":" + pick(r, NUMBERS) + ",\"n\":" + pick(r, NUMBERS) + "}");
    if (r.nextInt(12) == 0) m.add("\"assume\":{\"kharkiv_band_depth_km\":" + pick(r, "20", "\"30\"", "null") + "}");
    if (r.nextInt(40) == 0) m.add("\"user\":\"UA\""); // a duplicate member
    java.util.Collections.shuffle(m.subList(0, Math.min(m.size(), r.nextInt(3))), r);
    String s = "{" + String.join(",", m) + "}";
    return r.nextInt(60) == 0 ? s.substring(0, s.length() / 2) : s;
  }

  private static String weapon(Random r) {
    List<String> m = new ArrayList<>();
    if (r.nextInt(25) > 0) m.add("\"origin\":" + pick(r, ORIGINS));
    if (r.nextBoolean()) m.add("\"system\":" + pick(r, "\"M142 HIMARS\"", "\"Storm Shadow\"", "\"\""));
    if (r.nextBoolean()) m.add("\"munition\":\"M31 GMLRS\"");
    if (r.nextInt(15) > 0) m.add("\"class\":" + pick(r, CLASSES, BAD_CLASSES));
    if (r.nextBoolean()) m.add("\"range_km\":" + pick(r, NUMBERS, BAD_NUMBERS));
    return "{" + String.join(",", m) + "}";
  }

  private static String target(Random r) {
    List<String> m = new ArrayList<>();
    if (r.nextInt(15) > 0) {
      String lat = r.nextInt(10) == 0 ? pick(r, NUMBERS, BAD_NUMBERS) : Double.toString(44 + 10 * r.nextDouble());
      String lon = r.nextInt(10) == 0 ? pick(r, NUMBERS, BAD_NUMBERS) : Double.toString(22 + 18 * r.nextDouble());
      m.add("\"location\":{\"lat\":" + lat + ",\"lon\":" + lon + "}");
    }
    if (r.nextInt(30) > 0) m.add("\"category\":" + pick(r, CATEGORIES, BAD_CATEGORIES));
    if (r.nextInt(30) > 0) m.add("\"activity\":" + pick(r, ACTIVITIES, BAD_ACTIVITIES));
    if (r.nextBoolean()) m.add("\"used_in_invasion\":" + (r.nextInt(10) > 0 ? pick(r, "true", "false") : pick(r, "null", "1")));
    return "{" + String.join(",", m) + "}";
  }

  /** Any JSON number: up to 25 digits before and after the point, an exponent up to ±400. */
  static String number(Random r) {
    StringBuilder b = new StringBuilder(r.nextInt(4) == 0 ? "-" : "");
    b.append(r.nextInt(5) == 0 ? "0" : (1 + r.nextInt(9)) + digits(r, r.nextInt(25)));
    if (r.nextBoolean()) b.append('.').append(r.nextInt(9)).append(digits(r, r.nextInt(25)));
    if (r.nextInt(3) == 0) b.append(r.nextBoolean() ? 'e' : 'E').append(pick(r, "", "+", "-")).append(r.nextInt(401));
    return b.toString();
  }

  private static String digits(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append((char) ('0' + r.nextInt(10)));
    return b.toString();
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  /** Mostly one of {@code good}, one time in twelve one of {@code bad}. */
  private static String pick(Random r, String[] good, String[] bad) {
    return r.nextInt(12) == 0 ? pick(r, bad) : pick(r, good);
  }
}
