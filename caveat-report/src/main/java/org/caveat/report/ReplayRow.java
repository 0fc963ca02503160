package org.caveat.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.caveat.explain.Answer;
import org.caveat.model.Request;

/**
 * One replayed event as the report sees it: where it was in the input ({@code line}, 1-based),
 * its id, date and position (null when the input gave none), its region (null: taken from the
 * answer's facts), the engine's answer, and the target category the request named (null when
 * unknown to the caller).
 */
public record ReplayRow(long line, String eventId, LocalDate date, Double lat, Double lon, String region,
    Answer answer, String targetCategory) {

  /** A row without a target category (the report counts it as "not given"). */
  public ReplayRow(long line, String eventId, LocalDate date, Double lat, Double lon, String region, Answer answer) {
    this(line, eventId, date, lat, lon, region, answer, null);
  }

  /**
   * The row of a request and its answer: id, UTC date, position and target category come from the
   * request; the region from the answer's facts.
   */
  public static ReplayRow of(long line, Request request, Answer answer) {
    return new ReplayRow(line, request.id(), request.time().atOffset(ZoneOffset.UTC).toLocalDate(),
        request.targetLocation().lat(), request.targetLocation().lon(), null, answer, request.targetCategory());
  }

  /** The region to count the row under: the given one, else the answer's, else null. */
  String effectiveRegion() {
    if (region != null) return region;
    return answer == null || answer.facts() == null ? null : answer.facts().region();
  }
}
