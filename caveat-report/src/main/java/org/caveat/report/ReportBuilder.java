package org.caveat.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.caveat.Caveat;

/**
 * Accumulates a replay row by row and writes the self-contained HTML report. Thread-confined:
 * call it from one thread (the replay's ordered writer). Memory is bounded whatever the number
 * of rows: counts are aggregates, DENYs are grouped (see {@link DenyGroups}), map markers are a
 * fixed-size sample and bad rows a capped list, each with its total.
 *
 * <pre>{@code
 * ReportBuilder report = ReportBuilder.builder().engine(caveat).title("Replay").inputName("events.csv")
 *     .clock(clock).build();
 * rows.forEach(report::accept);
 * report.writeHtml(writer);
 * }</pre>
 */
public final class ReportBuilder {
  public static final int DEFAULT_MAX_MARKERS = 20_000;
  public static final int DEFAULT_MAX_DENIES_LISTED = 200;
  public static final int DEFAULT_MAX_BAD_ROWS = 1_000;
  static final int MAX_DENY_GROUPS = 5_000;

  private final ReportSettings settings;
  private final Tally tally = new Tally();
  private final DenyGroups denies;
  private final MarkerSample markers;
  private final BadRows badRows;

  private ReportBuilder(ReportSettings settings) {
    this.settings = settings;
    this.denies = new DenyGroups(settings.maxDeniesListed(), MAX_DENY_GROUPS);
    this.markers = new MarkerSample(settings.maxMarkers());
    this.badRows = new BadRows(settings.maxBadRows());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Counts one decided row. */
  public void accept(ReplayRow row) {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(row.answer(), "row.answer");
    tally.add(row);
    denies.add(row);
    if (located(row.lat(), row.lon())) {
      markers.add(row.line(), row.eventId(), row.date(), row.lat(), row.lon(), row.answer().decision());
    }
  }

  /** A position on the globe; anything else is counted as "without a position" and not drawn. */
  private static boolean located(Double lat, Double lon) {
    return lat != null && lon != null && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
  }

  /** Records a row that could not be read or decided: its 1-based line and why. */
  public void acceptBadRow(long line, String reason) {
    badRows.add(line, reason);
  }

  /**
   * Writes the report. May be called more than once (e.g. at the end of each run); the output
   * depends only on the rows accepted so far and the clock.
   *
   * @throws UncheckedIOException when the writer fails
   */
  public void writeHtml(Writer out) {
    try {
      new HtmlReport(settings, tally, denies, markers, badRows).write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the report to a file in UTF-8. */
  public void writeHtml(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeHtml(w);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Rows accepted so far. */
  public long rows() {
    return tally.rows();
  }

  /** Configures a {@link ReportBuilder}; only {@link #engine} is required. */
  public static final class Builder {
    private Caveat engine;
    private String title = "Caveat replay report";
    private String inputName = "(input)";
    private Clock clock = Clock.systemUTC();
    private int maxMarkers = DEFAULT_MAX_MARKERS;
    private int maxDeniesListed = DEFAULT_MAX_DENIES_LISTED;
    private int maxBadRows = DEFAULT_MAX_BAD_ROWS;

    /** The engine that decided the rows: its geography and compiled zones are drawn. */
    public Builder engine(Caveat caveat) {
      this.engine = caveat;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The input file's name as shown in the header. */
    public Builder inputName(String inputName) {
      this.inputName = inputName;
      return this;
    }

    /** The clock the "generated" time is read from. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Event markers drawn at most (a deterministic sample beyond); ≥ 0. */
    public Builder maxMarkers(int maxMarkers) {
      this.maxMarkers = maxMarkers;
      return this;
    }

    /** DENYs listed by id at most per group of identical reasons (all are counted); ≥ 0. */
    public Builder maxDeniesListed(int max) {
      this.maxDeniesListed = max;
      return this;
    }

    /** Bad rows listed at most (all are counted); ≥ 0. */
    public Builder maxBadRows(int max) {
      this.maxBadRows = max;
      return this;
    }

    /** @throws IllegalArgumentException for a missing engine or a negative cap */
    public ReportBuilder build() {
      if (engine == null) throw new IllegalArgumentException("report: engine(...) is required (it draws the zones)");
      if (clock == null) throw new IllegalArgumentException("report: clock must not be null");
      if (maxMarkers < 0 || maxDeniesListed < 0 || maxBadRows < 0) {
        throw new IllegalArgumentException("report: caps must be ≥ 0, got maxMarkers=" + maxMarkers
            + " maxDeniesListed=" + maxDeniesListed + " maxBadRows=" + maxBadRows);
      }
      return new ReportBuilder(new ReportSettings(engine, title == null ? "" : title,
          inputName == null ? "" : inputName, clock, maxMarkers, maxDeniesListed, maxBadRows));
    }
  }
}
