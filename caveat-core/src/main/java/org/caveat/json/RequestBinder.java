package org.caveat.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.caveat.geo.GeoPoint;
import org.caveat.model.Attribute;
import org.caveat.model.Request;

/**
 * Binds a well-formed request straight from Jackson's token stream over its UTF-8 bytes, without
 * a tree or a String: the fast path of {@link RequestReader#read(RequestStream.Item, RequestDefaults)}.
 *
 * <p>It accepts only what {@link RequestReader} accepts without remark, and builds the same
 * request from it. Anything else — a syntax error, a duplicate member, a {@code null}, a value of
 * an unexpected type, out of range or not in the vocabulary, a missing member, a possible lone
 * surrogate escape — makes it give up (null), and the caller reads the item the general way (tree,
 * then {@link RequestReader}), so every error keeps its exact code, message and pointer.
 */
final class RequestBinder {
  /** Gives up: the general path decides what is wrong, if anything. */
  private static final class GiveUp extends Exception {
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  /**
   * Caveat's parser settings with Jackson's fast number reader: both it and the JDK's (which the
   * tree path uses) round correctly, so they read every number as the same double.
   */
  private static final JsonFactory FACTORY = Json.FACTORY.rebuild()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private RequestBinder() {}

  /** The request in {@code json} (UTF-8, one value), or null when it needs the general path. */
  static Request bind(byte[] json, RequestDefaults defaults) {
    if (mayHoldSurrogateEscape(json)) return null;
    try (JsonParser p = FACTORY.createParser(json)) {
      Request r = root(p, defaults);
      return p.nextToken() == null ? r : null;
    } catch (GiveUp | IOException | RuntimeException e) {
      // IOException: malformed JSON or a duplicate member; RuntimeException: a request the
      // builder refuses. Both are reported, with their exact wording, by the general path.
      return null;
    }
  }

  private static Request root(JsonParser p, RequestDefaults defaults) throws IOException, GiveUp {
    expect(p.nextToken(), JsonToken.START_OBJECT);
    Request.Builder b = Request.builder();
    boolean hasTime = false, hasUser = false, hasWeapon = false, hasTarget = false;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> {
          String id = text(p, t);
          if (RequestId.problem(id) != null) throw GiveUp.INSTANCE;
          b.id(id);
        }
        case "time" -> {
          b.time(time(text(p, t)));
          hasTime = true;
        }
        case "user" -> {
          b.user(country(p, t));
          hasUser = true;
        }
        case "weapon" -> {
          weapon(p, t, b);
          hasWeapon = true;
        }
        case "target" -> {
          target(p, t, b);
          hasTarget = true;
        }
        case "purpose" -> b.purpose(vocab(p, t, Attribute.PURPOSE));
        default -> p.skipChildren();
      }
    }
    if (!hasTime) {
      if (defaults.time() == null) throw GiveUp.INSTANCE;
      b.time(defaults.time());
    }
    if (!hasUser || !hasWeapon || !hasTarget) throw GiveUp.INSTANCE;
    return b.build();
  }

  private static void weapon(JsonParser p, JsonToken start, Request.Builder b) throws IOException, GiveUp {
    expect(start, JsonToken.START_OBJECT);
    boolean origin = false, weaponClass = false;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "origin" -> {
          b.weaponOrigin(country(p, t));
          origin = true;
        }
        case "system" -> b.weaponSystem(text(p, t));
        case "munition" -> b.weaponMunition(text(p, t));
        case "class" -> {
          b.weaponClass(vocab(p, t, Attribute.WEAPON_CLASS));
          weaponClass = true;
        }
        case "range_km" -> {
          double d = number(p, t);
          if (d < 0) throw GiveUp.INSTANCE;
          b.weaponRangeKm(d);
        }
        default -> p.skipChildren();
      }
    }
    if (!origin || !weaponClass) throw GiveUp.INSTANCE;
  }

  private static void target(JsonParser p, JsonToken start, Request.Builder b) throws IOException, GiveUp {
    expect(start, JsonToken.START_OBJECT);
    boolean location = false, category = false, activity = false;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "location" -> {
          b.targetLocation(location(p, t));
          location = true;
        }
        case "category" -> {
          b.targetCategory(vocab(p, t, Attribute.TARGET_CATEGORY));
          category = true;
        }
        case "activity" -> {
          b.targetActivity(vocab(p, t, Attribute.TARGET_ACTIVITY));
          activity = true;
        }
        case "used_in_invasion" -> {
          if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw GiveUp.INSTANCE;
          b.targetUsedInInvasion(t == JsonToken.VALUE_TRUE);
        }
        default -> p.skipChildren();
      }
    }
    if (!location || !category || !activity) throw GiveUp.INSTANCE;
  }

  private static GeoPoint location(JsonParser p, JsonToken start) throws IOException, GiveUp {
    expect(start, JsonToken.START_OBJECT);
    double lat = Double.NaN, lon = Double.NaN;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "lat" -> lat = number(p, t);
        case "lon" -> lon = number(p, t);
        default -> p.skipChildren();
      }
    }
    // NaN (absent) fails both comparisons, as does a value out of range.
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) throw GiveUp.INSTANCE;
    return new GeoPoint(lat, lon);
  }

  private static void expect(JsonToken actual, JsonToken expected) throws GiveUp {
    if (actual != expected) throw GiveUp.INSTANCE;
  }

  private static String text(JsonParser p, JsonToken t) throws IOException, GiveUp {
    expect(t, JsonToken.VALUE_STRING);
    return p.getText();
  }

  /** A finite number, read as the tree reads it ({@code asDouble} of its node). */
  private static double number(JsonParser p, JsonToken t) throws IOException, GiveUp {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) throw GiveUp.INSTANCE;
    double d = p.getDoubleValue();
    if (!Double.isFinite(d)) throw GiveUp.INSTANCE;
    return d;
  }

  private static String country(JsonParser p, JsonToken t) throws IOException, GiveUp {
    String s = text(p, t);
    if (s.length() != 2 || s.charAt(0) < 'A' || s.charAt(0) > 'Z' || s.charAt(1) < 'A' || s.charAt(1) > 'Z') {
      throw GiveUp.INSTANCE;
    }
    return s;
  }

  private static String vocab(JsonParser p, JsonToken t, Attribute a) throws IOException, GiveUp {
    String s = text(p, t);
    if (!a.vocabulary().contains(s)) throw GiveUp.INSTANCE;
    return s;
  }

  /**
   * As {@link RequestReader}'s time. The form nearly every request uses, {@code 2024-06-01T03:00:00Z}
   * exactly, is read from its digits, without the general formatter (~4 % of check's CPU in a profile); any other form,
   * and any field out of its range, goes through the same parsers as the tree path.
   */
  private static Instant time(String text) throws GiveUp {
    try {
      return RequestReader.instant(text);
    } catch (DateTimeParseException e) {
      throw GiveUp.INSTANCE;
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ssZ} with every field in range, else null. */
  static Instant plainUtc(String t) {
    if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
    int hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
  }

  /** The decimal number in {@code t[from, from + n)}, or -1 if any of it is not an ASCII digit. */
  private static int digits(String t, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** As {@link ItemParser#mayHoldSurrogateEscape}, on bytes: a {@code \\uD8xx}–{@code \\uDFxx} escape. */
  static boolean mayHoldSurrogateEscape(byte[] b) {
    for (int i = 0; i + 3 < b.length; i++) {
      if (b[i] != '\\' || b[i + 1] != 'u') continue;
      int a = b[i + 2];
      int c = Character.toLowerCase(b[i + 3]);
      if ((a == 'd' || a == 'D') && c >= '8' && c <= 'f' && (c <= '9' || c >= 'a')) return true;
    }
    return false;
  }
}
