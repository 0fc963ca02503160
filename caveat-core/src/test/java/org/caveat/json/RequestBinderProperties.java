package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Binding a line's bytes from the token stream ({@link RequestBinder}, the fast path of
 * {@link RequestReader#read(RequestStream.Item, RequestDefaults)}) reads every line exactly as the
 * tree path does: the same request, or the same error (code, message, pointer, id), for edited
 * requests and for damaged lines alike.
 */
class RequestBinderProperties {
  private static final String GOOD_LINE = GOOD().toString();
  private static final List<RequestDefaults> DEFAULTS = List.of(RequestDefaults.NONE,
      RequestDefaults.asOf(Instant.parse("2024-06-01T00:00:00Z")));

  private static JsonNode GOOD() {
    try {
      return Json.MAPPER.readTree(RequestReaderTest.GOOD);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPlainRequestTakesTheFastPath() {
    assertThat(RequestBinder.bind(GOOD_LINE.getBytes(StandardCharsets.US_ASCII), RequestDefaults.NONE)).isNotNull();
    String noTime = GOOD_LINE.replace("\"time\":\"2024-06-01T03:00:00Z\",", "");
    assertThat(RequestBinder.bind(noTime.getBytes(StandardCharsets.US_ASCII), DEFAULTS.get(1)).time())
        .isEqualTo(DEFAULTS.get(1).time());
  }

  @Property(tries = 3000)
  void plainUtcTimesReadAsInstantParseReadsThem(@ForAll @IntRange(max = 9999) int year, @ForAll @IntRange(max = 13) int month,
      @ForAll @IntRange(max = 32) int day, @ForAll @IntRange(max = 25) int hour, @ForAll @IntRange(max = 61) int minute,
      @ForAll @IntRange(max = 61) int second) {
    String t = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second);
    Instant expected;
    try {
      expected = Instant.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      expected = null;
    }
    Instant fast = RequestBinder.plainUtc(t);
    if (fast != null) assertThat(fast).isEqualTo(expected);
    // 24:00:00 and a leap second (:60) are left to Instant.parse; every other time it reads is read here
    if (expected != null && hour <= 23 && second <= 59) assertThat(fast).isNotNull();
  }

  @Property(tries = 1500)
  void editedRequestsReadAsTheTreeReadsThem(@ForAll("edits") List<RequestReaderFuzzTest.Edit> edits) throws Exception {
    JsonNode node = GOOD();
    for (RequestReaderFuzzTest.Edit e : edits) node = RequestReaderFuzzTest.apply(node, e);
    assertSameEitherWay(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<RequestReaderFuzzTest.Edit>> edits() {
    return new RequestReaderFuzzTest().edits();
  }

  @Property(tries = 1500)
  void damagedLinesReadAsTheTreeReadsThem(@ForAll @LongRange(min = 1) long seed) throws Exception {
    assertSameEitherWay(Mutations.mutate(GOOD_LINE, new Random(seed)));
  }

  /**
   * A member added at the start of any object (so possibly given twice: the binder notices
   * duplicates itself, without Jackson's detection) reads as the tree reads it.
   */
  @Property(tries = 1500)
  void addedMembersReadAsTheTreeReadsThem(@ForAll @IntRange(max = 64) int object, @ForAll("names") String name,
      @ForAll("values") String value) throws Exception {
    List<Integer> braces = new java.util.ArrayList<>();
    for (int i = GOOD_LINE.indexOf('{'); i >= 0; i = GOOD_LINE.indexOf('{', i + 1)) braces.add(i);
    int at = braces.get(object % braces.size()) + 1;
    String line = GOOD_LINE.substring(0, at) + "\"" + name + "\":" + value + "," + GOOD_LINE.substring(at);
    assertSameEitherWay(line.getBytes(StandardCharsets.UTF_8));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> names() {
    return net.jqwik.api.Arbitraries.of("id", "time", "user", "weapon", "target", "purpose", "origin", "system",
        "munition", "class", "range_km", "location", "category", "activity", "used_in_invasion", "lat", "lon",
        "extra", "kept", "other", "\\u0069d", "\\ud800", "x\\ud83d\\ude00", "\\uDC00y");
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> values() {
    List<String> more = List.of("{\"a\":1,\"a\":2}", "[{\"b\":{},\"b\":[]}]", "{\"a\":{\"c\":1,\"d\":2},\"b\":[1,{\"c\":3}]}",
        "[[],[{}]]", "\"RU\"", "\"drone\"", "\"idle\"", "\"2024-06-01T03:00:00+02:00\"", "50.5",
        "\"\\ud800\"", "\"a\\ud83d\\ude00\"", "\"\\uDFFFb\"", "[\"\\ud800\"]", "{\"k\":\"\\udc00\"}", "{\"\\ud800\":1}");
    List<String> all = new java.util.ArrayList<>(RequestReaderFuzzTest.VALUES);
    all.addAll(more);
    return net.jqwik.api.Arbitraries.of(all);
  }

  @Test
  void aMemberTwiceInsideAnIgnoredMemberIsStillADuplicate() throws Exception {
    String line = GOOD_LINE.replace("\"kept\":", "\"kept\":1,\"kept\":");
    assertThat(line).isNotEqualTo(GOOD_LINE);
    assertThat(RequestBinder.bind(line.getBytes(StandardCharsets.US_ASCII), RequestDefaults.NONE)).isNull();
    assertSameEitherWay(line.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Ids read on the parser's characters (1 to 256 printable ASCII characters, no space) and every
   * other id (through {@link RequestId#problem}) read as the tree reads them.
   */
  @Test
  void idsReadAsTheTreeReadsThem() throws Exception {
    for (String id : List.of("a", "bench-7", "x".repeat(256), "x".repeat(257), "", " ", "a b", " a", "\\u007f",
        "a\\u0001", "\\u00a0", "caf\\u00e9", "\\u2028", "\\ud800", "\\ud83d\\ude00", "q\\\"q", "~!{}")) {
      String line = GOOD_LINE.replace("\"evt-0001\"", "\"" + id + "\"");
      assertThat(line).isNotEqualTo(GOOD_LINE);
      assertSameEitherWay(line.getBytes(StandardCharsets.UTF_8));
    }
    String plain = GOOD_LINE.replace("evt-0001", "x".repeat(256));
    assertThat(RequestBinder.bind(plain.getBytes(StandardCharsets.US_ASCII), RequestDefaults.NONE).id())
        .isEqualTo("x".repeat(256));
  }

  /**
   * Members are matched against the documented order first; any other order binds the same
   * request (names read the usual way after the first that differs).
   */
  @Test
  void membersInAnyOrderBindTheSameRequest() throws Exception {
    String swapped = GOOD_LINE
        .replace("{\"lat\":50.59,\"lon\":36.58}", "{\"lon\":36.58,\"lat\":50.59}")
        .replace("\"class\":\"rocket_artillery\",\"range_km\":84", "\"range_km\":84,\"class\":\"rocket_artillery\"");
    assertThat(swapped).contains("\"lon\":36.58,\"lat\"").contains("\"range_km\":84,\"class\"");
    String noId = swapped.replace("\"id\":\"evt-0001\",", "");
    String moved = noId.substring(0, noId.length() - 1) + ",\"id\":\"evt-0001\"}";
    for (String line : List.of(swapped, moved)) {
      assertSameEitherWay(line.getBytes(StandardCharsets.US_ASCII));
    }
    org.caveat.model.Request expected = RequestBinder.bind(GOOD_LINE.getBytes(StandardCharsets.US_ASCII), RequestDefaults.NONE);
    assertThat(String.valueOf(RequestBinder.bind(moved.getBytes(StandardCharsets.US_ASCII), RequestDefaults.NONE)))
        .isEqualTo(String.valueOf(expected));
  }

  /** The line, framed after a first line as check frames it, read both ways with every defaults. */
  private static void assertSameEitherWay(byte[] line) throws Exception {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes((GOOD_LINE + "\n").getBytes(StandardCharsets.UTF_8));
    in.writeBytes(line);
    try (RequestStream s = new RequestStream(new ByteArrayInputStream(in.toByteArray()), false)) {
      s.next();
      while (s.hasNext()) {
        RequestStream.Item item = s.next();
        for (RequestDefaults d : DEFAULTS) {
          RequestReader.Parsed fast = RequestReader.read(item, d);
          RequestStream.Item parsed = item.parsed();
          RequestReader.Parsed tree = parsed.error() != null ? new RequestReader.Parsed(null, parsed.error())
              : RequestReader.read(parsed.node(), d);
          assertThat(fast.error()).isEqualTo(tree.error());
          assertThat(String.valueOf(fast.request())).isEqualTo(String.valueOf(tree.request()));
        }
      }
    }
  }
}
