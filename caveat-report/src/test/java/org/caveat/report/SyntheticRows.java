package org.caveat.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.decide.Outcome;
import org.caveat.model.Request;

/**
 * A few dozen requests of every kind, decided by the real engine with the built-in packs on
 * 5 June 2024 (us-ua 2024-05-30 in force): counter-fire near Belgorod, strikes in Ukraine near
 * Kharkiv, forbidden strikes, strikes not permitted, requests lacking attributes, and weapons no
 * grant covers. One event id carries a {@code <script>} to test escaping.
 */
final class SyntheticRows {
  static final Instant TIME = Instant.parse("2024-06-05T03:00:00Z");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  static final String HOSTILE_ID = "evt-<script>window.__pwned=1</script>";
  private static Caveat engine;

  private SyntheticRows() {}

  static synchronized Caveat engine() {
    if (engine == null) engine = Caveat.builder().build();
    return engine;
  }

  /** Counter-fire just over the border (Belgorod oblast): PERMIT. */
  static Request counterFire(String id, double lat, double lon) {
    return base(id, lat, lon).targetCategory("artillery").targetActivity("attacking").build();
  }

  /** A military objective in Kharkiv oblast, Ukraine: PERMIT. */
  static Request inUkraine(String id, double lat, double lon) {
    return base(id, lat, lon).targetCategory("troops").targetActivity("massing").build();
  }

  /** Civilian infrastructure: DENY, forbidden. */
  static Request civilian(String id, double lat, double lon) {
    return base(id, lat, lon).targetCategory("civilian_infrastructure").targetActivity("idle").build();
  }

  /** An idle battery over the border: DENY, not permitted (no permit rule matches). */
  static Request idle(String id, double lat, double lon) {
    return base(id, lat, lon).targetCategory("artillery").targetActivity("idle").build();
  }

  /** The weapon class and category are unknown: INDETERMINATE. */
  static Request unknown(String id, double lat, double lon) {
    return base(id, lat, lon).weaponClass("unknown").targetCategory("unknown").targetActivity("attacking").build();
  }

  /** A weapon of a supplier without a grant: NOT_APPLICABLE. */
  static Request notCovered(String id, double lat, double lon) {
    return base(id, lat, lon).weaponOrigin("KR").targetCategory("artillery").targetActivity("attacking").build();
  }

  private static Request.Builder base(String id, double lat, double lon) {
    return Request.builder().id(id).time(TIME).user("UA").weaponOrigin("US").weaponSystem("M142 HIMARS")
        .weaponClass("rocket_artillery").weaponRangeKm(84.0).targetLocation(lat, lon).targetUsedInInvasion(true);
  }

  /** The rows, lines 2.. in order (line 1 is the header of an imagined CSV). */
  static List<ReplayRow> rows() {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) requests.add(counterFire("cf-" + i, 50.45 + i * 0.02, 36.55 + i * 0.03));
    for (int i = 0; i < 5; i++) requests.add(inUkraine("ua-" + i, 49.95 + i * 0.02, 36.20 + i * 0.05));
    for (int i = 0; i < 5; i++) requests.add(civilian("civ-" + i, 50.60 + i * 0.01, 36.60));
    for (int i = 0; i < 4; i++) requests.add(idle("idle-" + i, 50.50, 36.70 + i * 0.02));
    for (int i = 0; i < 4; i++) requests.add(unknown("unk-" + i, 50.55, 36.40 + i * 0.02));
    for (int i = 0; i < 3; i++) requests.add(notCovered("kr-" + i, 50.52, 36.50));
    // Kursk oblast: near the border but far from Kharkiv's, so not permitted, each by its own margin.
    requests.add(counterFire("kursk-0", 51.35, 34.60));
    requests.add(counterFire("kursk-1", 51.50, 34.90));
    requests.add(civilian(HOSTILE_ID, 50.62, 36.61));
    List<ReplayRow> rows = new ArrayList<>();
    long line = 2;
    for (Request r : requests) rows.add(ReplayRow.of(line++, r, engine().answer(r)));
    // An event reported without a position: counted everywhere but not drawn.
    Request placeless = inUkraine("no-position", 49.9, 36.3);
    rows.add(new ReplayRow(line, placeless.id(), null, null, null, "UA-63", engine().answer(placeless), "troops"));
    return rows;
  }

  /** The number of located rows of {@link #rows()} with the given decision. */
  static long located(List<ReplayRow> rows, Outcome o) {
    return rows.stream().filter(r -> r.lat() != null && r.answer().decision() == o).count();
  }

  static ReportBuilder.Builder report() {
    return ReportBuilder.builder().engine(engine()).title("Replay <of> test events").inputName("events.csv")
        .clock(CLOCK);
  }

  /** The whole report as a string. */
  static String html(ReportBuilder b) {
    java.io.StringWriter w = new java.io.StringWriter();
    b.writeHtml(w);
    return w.toString();
  }
}
