package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.caveat.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One malformed field at a time: the code, the JSON Pointer and the message of each. */
class RequestReaderTest {
  static final String GOOD = """
      {"id": "evt-0001", "time": "2024-06-01T03:00:00Z", "user": "UA",
       "weapon": {"origin": "US", "system": "M142 HIMARS", "munition": "M31 GMLRS",
                  "class": "rocket_artillery", "range_km": 84},
       "target": {"location": {"lat": 50.59, "lon": 36.58}, "category": "artillery",
                  "activity": "attacking", "used_in_invasion": true},
       "purpose": "counter_fire", "extra": {"kept": "and ignored"}}
      """;
  static final String REMOVE = null;

  /** Replace the value at {@code at} (null: remove it) and expect this error. */
  record Bad(String at, String json, String code, String message) {
    @Override
    public String toString() {
      return at + " := " + (json == null ? "(absent)" : json) + " → " + code;
    }
  }

  static List<Bad> cases() {
    return List.of(
        new Bad("/time", REMOVE, "request.missing", "time is required (ISO 8601"),
        new Bad("/time", "\"2024-06-01T03:00:00\"", "request.invalid", "is not an ISO 8601 instant with offset"),
        new Bad("/time", "\"2024-06-01\"", "request.invalid", "time `2024-06-01` is not an ISO 8601 instant"),
        new Bad("/time", "\"1 June 2024\"", "request.invalid", "is not an ISO 8601 instant"),
        new Bad("/time", "1717210800", "request.type", "time must be a string"),
        new Bad("/user", "\"UKR\"", "request.invalid", "user must be an ISO 3166-1 alpha-2 code such as UA or US, got \"UKR\""),
        new Bad("/user", "\"ua\"", "request.invalid", "alpha-2"),
        new Bad("/user", REMOVE, "request.missing", "user is required"),
        new Bad("/weapon", REMOVE, "request.missing", "weapon is required"),
        new Bad("/weapon", "\"HIMARS\"", "request.type", "weapon must be an object"),
        new Bad("/weapon/origin", REMOVE, "request.missing", "origin is required"),
        new Bad("/weapon/class", REMOVE, "request.missing", "write \"unknown\" if it is not known"),
        new Bad("/weapon/class", "\"rocket\"", "request.vocabulary", "weapon.class `rocket` is not in the vocabulary; did you mean `rocket_artillery`?"),
        new Bad("/weapon/system", "5", "request.type", "system must be a string"),
        new Bad("/weapon/range_km", "NaN", "request.range", "range_km must be a finite number ≥ 0, got NaN"),
        new Bad("/weapon/range_km", "Infinity", "request.range", "got Infinity"),
        new Bad("/weapon/range_km", "-1", "request.range", "range_km must be a finite number ≥ 0, got -1"),
        new Bad("/weapon/range_km", "\"84\"", "request.type", "range_km must be a number of kilometres"),
        new Bad("/target", REMOVE, "request.missing", "target is required"),
        new Bad("/target/location", REMOVE, "request.missing", "location is required"),
        new Bad("/target/location", "[50.59, 36.58]", "request.type", "location must be an object"),
        new Bad("/target/location/lat", "95", "request.range", "latitude 95 is outside [-90, 90]"),
        new Bad("/target/location/lon", "-181", "request.range", "longitude -181 is outside [-180, 180]"),
        new Bad("/target/location/lat", "NaN", "request.range", "latitude must be a finite number, got NaN"),
        new Bad("/target/location/lon", "-Infinity", "request.range", "longitude must be a finite number"),
        new Bad("/target/location/lat", "1e400", "request.range", "latitude must be a finite number"),
        new Bad("/target/location/lat", "\"50.59\"", "request.type", "lat must be a number of degrees"),
        new Bad("/target/location/lon", REMOVE, "request.missing", "lon is required (WGS84 degrees)"),
        new Bad("/target/category", "\"artilery\"", "request.vocabulary", "did you mean `artillery`?"),
        new Bad("/target/category", "\"Artillery\"", "request.vocabulary", "did you mean `artillery`?"),
        new Bad("/target/category", REMOVE, "request.missing", "category is required"),
        new Bad("/target/activity", "\"masing\"", "request.vocabulary", "target.activity `masing` is not in the vocabulary; did you mean `massing`?"),
        new Bad("/target/activity", "7", "request.type", "activity must be a string"),
        new Bad("/purpose", "\"counterfire\"", "request.vocabulary", "did you mean `counter_fire`?"),
        new Bad("/target/used_in_invasion", "\"yes\"", "request.type", "used_in_invasion must be true or false"),
        new Bad("/target/used_in_invasion", "1", "request.type", "used_in_invasion must be true or false"),
        new Bad("/id", "{\"n\": 1}", "request.type", "id must be a string"),
        new Bad("/id", "[\"evt\"]", "request.type", "id must be a string"),
        new Bad("/id", "1.5", "request.type", "id must be a string"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneBadFieldGivesOneErrorAtItsPointer(Bad c) throws Exception {
    RequestReader.Parsed p = RequestReader.read(with(c.at(), c.json()));
    assertThat(p.request()).isNull();
    assertThat(p.error()).isNotNull();
    assertThat(p.error().code()).isEqualTo(c.code());
    assertThat(p.error().at()).isEqualTo(c.at());
    assertThat(p.error().message()).contains(c.message());
    if (!c.at().equals("/id")) assertThat(p.error().id()).isEqualTo("evt-0001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"id\": \"x\"}]", "42", "\"request\"", "null", "true"})
  void notAnObjectIsAnErrorAtTheRoot(String json) throws Exception {
    RequestReader.Parsed p = RequestReader.read(Json.MAPPER.readTree(json));
    assertThat(p.request()).isNull();
    assertThat(p.error()).isEqualTo(new RequestError(null, "request.type", "a request must be a JSON object", ""));
  }

  @Test
  void javaNullIsAnErrorToo() {
    assertThat(RequestReader.read(null).error().code()).isEqualTo("request.type");
  }

  @Test
  void goodRequestIsReadWithOptionalFieldsAndUnknownFieldsIgnored() throws Exception {
    RequestReader.Parsed p = RequestReader.read(Json.MAPPER.readTree(GOOD));
    assertThat(p.error()).isNull();
    Request r = p.request();
    assertThat(r.id()).isEqualTo("evt-0001");
    assertThat(r.time()).isEqualTo(Instant.parse("2024-06-01T03:00:00Z"));
    assertThat(r.weaponRangeKm()).isEqualTo(84.0);
    assertThat(r.targetLocation().lat()).isEqualTo(50.59);
    assertThat(r.targetUsedInInvasion()).isTrue();
    assertThat(r.purpose()).isEqualTo("counter_fire");
  }

  @Test
  void boundariesAndOptionalNullsAreAccepted() throws Exception {
    for (String[] edit : new String[][] {{"/target/location/lat", "90"}, {"/target/location/lon", "-180"},
        {"/weapon/range_km", "0"}, {"/purpose", null}, {"/target/used_in_invasion", "null"}, {"/id", "12"},
        {"/time", "\"2024-06-01T06:00:00+03:00\""}, {"/target/category", "\"unknown\""}}) {
      RequestReader.Parsed p = RequestReader.read(with(edit[0], edit[1]));
      assertThat(p.error()).as("%s := %s", edit[0], edit[1]).isNull();
    }
    assertThat(RequestReader.read(with("/time", "\"2024-06-01T06:00:00+03:00\"")).request().time())
        .isEqualTo(Instant.parse("2024-06-01T03:00:00Z"));
  }

  @Test
  void aDefaultTimeFillsOnlyAnAbsentOrNullTimeAndLeavesTheJsonAsItIs() throws Exception {
    Instant asOf = Instant.parse("2023-01-15T00:00:00Z");
    RequestDefaults defaults = RequestDefaults.asOf(asOf);
    for (String time : new String[] {REMOVE, "null"}) {
      JsonNode node = with("/time", time);
      String before = node.toString();
      RequestReader.Parsed p = RequestReader.read(node, defaults);
      assertThat(p.request().time()).as("time := %s", time).isEqualTo(asOf);
      assertThat(node.toString()).as("the defaults are values, not written into the request").isEqualTo(before);
    }
    assertThat(RequestReader.read(Json.MAPPER.readTree(GOOD), defaults).request().time())
        .as("a request's own time wins").isEqualTo(Instant.parse("2024-06-01T03:00:00Z"));
    RequestReader.Parsed number = RequestReader.read(with("/time", "20240601"), defaults);
    assertThat(number.error().code()).as("a time of the wrong type is still an error").isEqualTo("request.type");
    assertThat(RequestReader.read(with("/time", REMOVE), RequestDefaults.asOf(null)).error().code())
        .isEqualTo("request.missing");
  }

  /** The good request with the value at a JSON Pointer replaced (or removed when json is null). */
  static JsonNode with(String pointer, String json) throws Exception {
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(GOOD);
    int slash = pointer.lastIndexOf('/');
    ObjectNode parent = (ObjectNode) root.at(pointer.substring(0, slash));
    String field = pointer.substring(slash + 1);
    if (json == null) parent.remove(field);
    else parent.set(field, Json.MAPPER.readTree(json));
    return root;
  }
}
