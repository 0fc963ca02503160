package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The display geography, labels and zones: shape, gzip within 1 MB, ETag revalidation, problems. */
class GeographyTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  static HttpResponse<byte[]> gzipGet(String path, String etag) throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(f.uri(path)).GET().header("Accept-Encoding", "gzip")
        .header("Authorization", "Bearer " + f.tokens.get("reader"));
    if (etag != null) r.header("If-None-Match", etag);
    return f.http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Jackson without the request-size limit of {@link Json#MAPPER}: the base layer is about 1 MB unzipped. */
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return JSON.readTree(in);
    }
  }

  @Test
  void baseLayerHasCountriesAndRegionsWithinOneMegabyteGzipped() throws Exception {
    HttpResponse<byte[]> r = gzipGet("/v1/geography", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
    System.out.println("GET /v1/geography: " + r.body().length + " bytes gzip");
    assertThat(r.body().length).isLessThanOrEqualTo(1_000_000);
    JsonNode fc = gunzip(r.body());
    assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
    List<String> ids = new ArrayList<>();
    for (JsonNode feat : fc.path("features")) ids.add(feat.path("properties").path("id").asText());
    assertThat(ids).contains("UA", "RU", "UA-63", "RU-BEL", "UA-40", "UA-43").hasSize(112);
    JsonNode kharkiv = feature(fc, "UA-63");
    assertThat(kharkiv.path("properties").path("name").asText()).isEqualTo("Kharkiv");
    assertThat(kharkiv.path("properties").path("country").asText()).isEqualTo("UA");
    assertThat(kharkiv.path("properties").path("kind").asText()).isEqualTo("region");
    assertThat(feature(fc, "UA").path("properties").path("name").asText()).isEqualTo("Ukraine");
    assertThat(feature(fc, "UA-43").path("properties").path("country").asText()).as("de jure").isEqualTo("UA");
    assertThat(kharkiv.path("geometry").path("type").asText()).isIn("Polygon", "MultiPolygon");
  }

  @Test
  void anUnchangedBaseLayerIsRevalidatedWithItsEtag() throws Exception {
    HttpResponse<byte[]> first = gzipGet("/v1/geography", null);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).startsWith("\"").endsWith("\"");
    HttpResponse<byte[]> again = gzipGet("/v1/geography", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<String> plain = f.get("/v1/geography", "reader");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(JSON.readTree(plain.body())).isEqualTo(gunzip(first.body()));
  }

  @Test
  void placesLabelRegionsAndTheCitiesOfThePacks() throws Exception {
    JsonNode places = gunzip(gzipGet("/v1/geography/places", null).body());
    JsonNode kharkivCity = null, kharkivRegion = null;
    for (JsonNode p : places) {
      if (p.path("name").asText().equals("Kharkiv") && p.path("kind").asText().equals("city")) kharkivCity = p;
      if (p.path("id").asText().equals("UA-63")) kharkivRegion = p;
    }
    assertThat(kharkivCity).isNotNull();
    assertThat(kharkivCity.path("lat").asDouble()).isBetween(49.9, 50.1);
    assertThat(kharkivCity.path("lon").asDouble()).isBetween(36.1, 36.4);
    assertThat(kharkivRegion.path("kind").asText()).isEqualTo("region");
    List<String> cities = new ArrayList<>();
    for (JsonNode p : places) if (p.path("kind").asText().equals("city")) cities.add(p.path("name").asText());
    assertThat(cities).contains("Belgorod", "Kursk", "Sumy", "Bryansk", "Voronezh", "Sevastopol", "Kyiv", "Moscow");
  }

  @Test
  void zonesOfAVersionInPackOrderWithKindsAndNotes() throws Exception {
    JsonNode fc = gunzip(gzipGet("/v1/grants/us-ua/versions/2024-05-30/zones", null).body());
    List<String> names = new ArrayList<>();
    for (JsonNode z : fc.path("features")) names.add(z.path("properties").path("zone").asText());
    assertThat(names).containsExactly("kharkiv_border", "ua_ru_border", "kharkiv_band");
    JsonNode band = fc.path("features").get(2).path("properties");
    assertThat(band.path("kind").asText()).isEqualTo("area");
    assertThat(band.path("defined_as").asText()).isEqualTo("buffer");
    assertThat(band.path("approximate").asBoolean()).isTrue();
    assertThat(fc.path("features").get(0).path("properties").path("kind").asText()).isEqualTo("line");
    assertThat(fc.path("features").get(0).path("geometry").path("type").asText()).contains("LineString");
    assertThat(f.get("/v1/grants/us-ua/versions/latest/zones", "reader").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownGrantOrVersionIsA404ProblemWithASuggestion() throws Exception {
    HttpResponse<String> v = f.get("/v1/grants/us-ua/versions/2024-05-31/zones", "reader");
    assertThat(v.statusCode()).isEqualTo(404);
    assertThat(v.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(v.body()).contains("did you mean `2024-05-30`");
    HttpResponse<String> g = f.get("/v1/grants/us-au/versions/2024-05-30/zones", "reader");
    assertThat(g.statusCode()).isEqualTo(404);
    assertThat(g.body()).contains("did you mean `us-ua`");
    assertThat(f.get("/v1/geography", null).statusCode()).isEqualTo(401);
  }

  private static JsonNode feature(JsonNode fc, String id) {
    for (JsonNode feat : fc.path("features")) if (feat.path("properties").path("id").asText().equals(id)) return feat;
    throw new AssertionError("no feature " + id);
  }
}
