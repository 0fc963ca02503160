package org.caveat.replay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ACLED codebook columns, in the order of the modern 31-column export. Rows are handed to the
 * mapping in this canonical order whatever the file's own order, so a mapping names columns
 * ({@code row.notes}) and never positions. Older exports lack some columns (e.g.
 * {@code disorder_type}, {@code civilian_targeting}); those read as empty strings.
 */
public final class AcledColumns {
  private AcledColumns() {}

  /** The canonical column names; a mapping reads each as {@code row.NAME}. */
  public static final List<String> NAMES = List.of(
      "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
      "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
      "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
      "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp");

  /** The columns a file must have: without them no request can be formed. */
  static final List<String> REQUIRED = List.of("event_id_cnty", "event_date", "actor1", "latitude", "longitude",
      "notes");

  static final int EVENT_ID = NAMES.indexOf("event_id_cnty");
  static final int EVENT_DATE = NAMES.indexOf("event_date");
  static final int INTER1 = NAMES.indexOf("inter1");
  static final int INTER2 = NAMES.indexOf("inter2");
  static final int LATITUDE = NAMES.indexOf("latitude");
  static final int LONGITUDE = NAMES.indexOf("longitude");

  /**
   * The numeric actor-type codes of exports before 2023 (codebook: 1 State Forces … 8 External/Other
   * Forces), rewritten to the names newer exports use, so one mapping reads both.
   */
  static final Map<String, String> INTER_CODES = Map.of(
      "0", "", "1", "State forces", "2", "Rebel group", "3", "Political militia", "4", "Identity militia",
      "5", "Rioters", "6", "Protesters", "7", "Civilians", "8", "External/Other forces");

  /** Column name → canonical index, for header matching (case and surrounding space ignored). */
  static final Map<String, Integer> INDEX;

  static {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < NAMES.size(); i++) m.put(NAMES.get(i), i);
    INDEX = Map.copyOf(m);
  }
}
