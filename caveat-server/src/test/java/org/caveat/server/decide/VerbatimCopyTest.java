package org.caveat.server.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link VerbatimCopy} takes the copy from the request's bytes, edited, for the forms it knows
 * (offsets found in the bytes), and writes what the token-by-token copy writes; only a number it
 * does not write itself leaves the copy to {@link CanonicalCopy}. TreeFreeReadTest compares the
 * bytes on generated requests; this says which path took them.
 */
class VerbatimCopyTest {
  private static final String HEAD = "{\"id\":\"v-1\",";
  private static final String REST = "\"user\":\"UA\",\"weapon\":{\"origin\":\"US\",\"class\":\"rocket_artillery\","
      + "\"range_km\":RANGE},\"target\":{\"location\":{\"lat\":50.1,\"lon\":36.2},\"category\":\"artillery\","
      + "\"activity\":\"massing\",\"used_in_invasion\":true},\"purpose\":\"counter_fire\"EXTRA}";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // time, range, extra, verbatim (the same array), edited (a new array), token (CanonicalCopy) or general (tree)
      "\"time\":\"2024-06-01T03:00:00Z\",|84.0||same",
      "\"time\":\"2024-06-01T03:00:00Z\",|84||same",
      "\"time\":\"2024-06-01T03:00:00Z\",|8.4e1||edited",
      "\"time\":\"2024-06-01T03:00:00Z\",|84.50||edited",
      "\"time\": \"2024-06-01T03:00:00Z\" ,|84.0||edited",
      "\"time\":\"2024-06-01T03:00:00Z\",|84.0|,\"n\":-0|edited",
      "\"time\":\"2024-06-01T03:00:00Z\",|84.0|,\"n\":[1E3,-0,{\"m\":2.50}]|edited",
      "\"time\":null,|84.0||general",
      "|84.0||edited",
      "\"time\":\"2024-06-01T03:00:00Z\",|84.0|,\"n\":NaN|token",
      "\"time\":\"2024-06-01T03:00:00Z\",|84.0|,\"n\":\"a\\\"b\"|token"})
  void theCopyIsTheTokenCopysBytesAndComesFromTheRequestsOwn(String time, String range, String extra, String path) {
    String body = HEAD + (time == null ? "" : time) + REST.replace("RANGE", range).replace("EXTRA", extra == null ? "" : extra);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    RequestDefaults defaults = RequestDefaults.asOf(Instant.parse("2024-06-10T00:00:00Z"));
    if (path.equals("general")) { // core's binder takes no null: the tree path reads it
      assertThat(BoundRequests.read(bytes, defaults)).isNull();
      return;
    }
    byte[] token = BoundRequests.copied(bytes, defaults).logged();
    assertThat(new String(BoundRequests.read(bytes, defaults).logged(), StandardCharsets.UTF_8)).as(body)
        .isEqualTo(new String(token, StandardCharsets.UTF_8));
    VerbatimCopy[] v = new VerbatimCopy[1];
    Request r = RequestReader.bind(bytes, defaults, p -> v[0] = new VerbatimCopy(p, bytes, defaults.time()));
    if (body.contains("\\")) {
      assertThat(path).isEqualTo("token"); // BoundRequests sends escapes to CanonicalCopy before binding
      return;
    }
    assertThat(r).as(body).isNotNull();
    byte[] verbatim = v[0].verbatim(body.contains(" "));
    switch (path) {
      case "same" -> assertThat(verbatim).as(body).isSameAs(bytes);
      case "edited" -> assertThat(verbatim).as(body).isNotNull().isNotSameAs(bytes).isEqualTo(token);
      default -> assertThat(verbatim).as(body).isNull();
    }
  }
}
