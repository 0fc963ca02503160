package org.caveat.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.store.ChangeRequest;
import org.caveat.store.ChangeRequest.State;
import org.caveat.store.ChangeRequests;
import org.caveat.store.Principal;
import org.caveat.store.StoreConflict;
import org.caveat.store.StoreException;

/**
 * Change requests on JDBC. Every transition is one transaction whose conditional
 * {@code UPDATE … WHERE state = <expected>} decides the race: of two concurrent approvals only one
 * updates a row, the other sees zero rows and gets {@code change_request.state}. Publishing
 * inserts the published version in the same transaction. Four-eyes compares the persons behind
 * the tokens, and at most one request per grant and date is approved or published.
 */
final class JdbcChangeRequests implements ChangeRequests {

  private static final Pattern ID = Pattern.compile("cr-([1-9][0-9]{0,17})");

  private final Database db;
  private final Clock clock;
  private final ChangeRequestReader reader;
  private final JdbcDecisionLog log;

  JdbcChangeRequests(Database db, Clock clock, JdbcDecisionLog log) {
    this.db = db;
    this.clock = clock;
    this.log = log;
    this.reader = new ChangeRequestReader(db);
  }

  @Override
  public ChangeRequest submit(Principal author, String grant, String version, LocalDate inForce, String yamlText,
      String impactJson, String retroactiveReason) {
    require("author", author == null ? null : author.name());
    require("grant", grant);
    require("version", version);
    require("yamlText", yamlText);
    if (inForce == null) {
      throw new IllegalArgumentException("inForce is missing: the date the version comes into force");
    }
    if (retroactiveReason != null) {
      require("retroactiveReason", retroactiveReason);
    }
    if (impactJson != null) {
      String problem = LeafCodec.jsonProblem(impactJson);
      if (problem != null) {
        throw new IllegalArgumentException("impactJson " + problem);
      }
    }
    String now = clock.instant().toString();
    long seq = db.write("submitting a change request", c -> {
      if (isPublished(c, grant, version)) {
        throw new StoreConflict(StoreConflict.VERSION_EXISTS, "version `" + version + "` of grant `" + grant
            + "` is already published; give the new version another name");
      }
      refuseSecondForOneDate(c, grant, inForce, 0); // 0: no request of its own yet
      long id;
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO change_request"
          + " (grant_name, version, in_force, author, author_person, state, yaml, content_hash, impact,"
          + " retroactive_reason) VALUES (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?) RETURNING seq")) {
        ins.setString(1, grant);
        ins.setString(2, version);
        ins.setString(3, inForce.toString());
        ins.setString(4, author.name());
        ins.setString(5, author.person());
        ins.setString(6, yamlText);
        ins.setString(7, contentHash(yamlText));
        ins.setString(8, impactJson);
        ins.setString(9, retroactiveReason);
        try (ResultSet rs = ins.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      addStep(c, id, "submit", author, now, null);
      return id;
    });
    return get("cr-" + seq).orElseThrow();
  }

  @Override
  public Optional<ChangeRequest> get(String id) {
    Matcher m = id == null ? null : ID.matcher(id);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    List<ChangeRequest> found = reader.read(Long.parseLong(m.group(1)));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<ChangeRequest> list() {
    return reader.read(null);
  }

  @Override
  public ChangeRequest approve(String id, Principal by, String comment) {
    return transition(id, by, comment, "approve", State.SUBMITTED, State.APPROVED);
  }

  @Override
  public ChangeRequest reject(String id, Principal by, String comment) {
    return transition(id, by, comment, "reject", State.SUBMITTED, State.REJECTED);
  }

  @Override
  public ChangeRequest publish(String id, Principal by) {
    return transition(id, by, null, "publish", State.APPROVED, State.PUBLISHED);
  }

  private ChangeRequest transition(String id, Principal by, String comment, String action, State from, State to) {
    require("principal", by == null ? null : by.name());
    Matcher m = id == null ? null : ID.matcher(id);
    if (m == null || !m.matches()) {
      throw new StoreConflict(StoreConflict.NOT_FOUND, "no change request `" + id + "` (ids look like cr-1)");
    }
    long seq = Long.parseLong(m.group(1));
    String now = clock.instant().toString();
    try {
      inTransaction(action + " " + id, to == State.PUBLISHED, c -> {
        ChangeRequestReader.Row row = ChangeRequestReader.row(c, seq);
        if (row == null) {
          throw new StoreConflict(StoreConflict.NOT_FOUND, "no change request `" + id + "`");
        }
        if (to != State.PUBLISHED && row.authorPerson().equals(by.person())) {
          throw new StoreConflict(StoreConflict.FOUR_EYES, id + " was submitted by `" + row.author() + "`"
              + (row.author().equals(by.name()) ? "" : ", the same person (" + by.person() + ") as `" + by.name() + "`")
              + "; someone else must " + action + " it (four-eyes rule)");
        }
        if (to == State.APPROVED) {
          refuseSecondForOneDate(c, row.grant(), row.inForce(), seq);
        }
        try (PreparedStatement u = c.prepareStatement(
            "UPDATE change_request SET state = ? WHERE seq = ? AND state = ?")) {
          u.setString(1, to.name());
          u.setLong(2, seq);
          u.setString(3, from.name());
          if (u.executeUpdate() != 1) {
            State current = ChangeRequestReader.row(c, seq).state();
            throw new StoreConflict(StoreConflict.STATE, id + " is " + current + "; only "
                + (from == State.APPROVED ? "an " : "a ") + from + " change request can be " + past(action));
          }
        }
        addStep(c, seq, action, by, now, comment);
        return to == State.PUBLISHED ? publishVersion(c, seq, row, now) : null;
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && db.dialect.isUniqueViolation(sql)) {
        throw new StoreConflict(StoreConflict.VERSION_EXISTS, id + " cannot be published: its version is already"
            + " published");
      }
      throw e;
    }
    return get(id).orElseThrow();
  }

  /**
   * Runs a transition in one transaction; publishing runs in the decision log's writer, in the
   * transaction that also logs the version (so a version is published if and only if it is logged).
   */
  private void inTransaction(String what, boolean logged, GroupCommitWriter.TransactionalEntry work) {
    if (!logged) {
      db.write(what, work::run);
      return;
    }
    log.appendWith(work);
  }

  /** Inserts the published version's row and returns its log entry. */
  private PreparedLeaf publishVersion(Connection c, long seq, ChangeRequestReader.Row row, String now)
      throws SQLException {
    if (isPublished(c, row.grant(), row.version())) {
      throw new StoreConflict(StoreConflict.VERSION_EXISTS, "version `" + row.version() + "` of grant `"
          + row.grant() + "` is already published");
    }
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO published_version"
        + " (grant_name, version, yaml, content_hash, cr_seq, published_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ins.setString(1, row.grant());
      ins.setString(2, row.version());
      ins.setString(3, row.yaml());
      ins.setString(4, row.contentHash());
      ins.setLong(5, seq);
      ins.setString(6, now);
      ins.executeUpdate();
    }
    return VersionEntries.prepare(row.grant(), row.version(), row.yaml(), row.contentHash(), "cr-" + seq, now);
  }

  private static boolean isPublished(Connection c, String grant, String version) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "SELECT 1 FROM published_version WHERE grant_name = ? AND version = ?")) {
      q.setString(1, grant);
      q.setString(2, version);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * At most one request per grant and {@code in_force} date may be approved or published: two
   * versions cannot take effect on one date. On PostgreSQL the rows of that grant and date
   * (including the request being approved) are locked first, in {@code seq} order, so two
   * concurrent approvals of different requests for one date are serialised without deadlock
   * (SQLite's write transactions already are). When the request being approved ({@code self}) is
   * no longer SUBMITTED, the state conflict that follows is the better answer, so none is raised here.
   */
  private void refuseSecondForOneDate(Connection c, String grant, LocalDate inForce, long self) throws SQLException {
    long other = 0;
    String otherState = null;
    boolean selfSubmitted = self == 0;
    try (PreparedStatement q = c.prepareStatement("SELECT seq, state FROM change_request"
        + " WHERE grant_name = ? AND in_force = ? ORDER BY seq" + db.dialect.lockRows())) {
      q.setString(1, grant);
      q.setString(2, inForce.toString());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String state = rs.getString(2);
          if (rs.getLong(1) == self) {
            selfSubmitted = state.equals("SUBMITTED");
          } else if (otherState == null && (state.equals("APPROVED") || state.equals("PUBLISHED"))) {
            other = rs.getLong(1);
            otherState = state;
          }
        }
      }
    }
    if (otherState != null && selfSubmitted) {
      throw new StoreConflict(StoreConflict.SAME_DATE, "cr-" + other + " for grant `" + grant + "` in force from "
          + inForce + " is already " + otherState + "; two versions cannot take effect on one date: choose another"
          + " in_force" + (otherState.equals("APPROVED") ? " or reject cr-" + other : ""));
    }
  }

  private static void addStep(Connection c, long seq, String action, Principal by, String at, String comment)
      throws SQLException {
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO change_request_step"
        + " (cr_seq, step_no, action, principal, person, at_utc, comment)"
        + " SELECT ?, COALESCE(MAX(step_no), 0) + 1, ?, ?, ?, ?, ? FROM change_request_step WHERE cr_seq = ?")) {
      ins.setLong(1, seq);
      ins.setString(2, action);
      ins.setString(3, by.name());
      ins.setString(4, by.person());
      ins.setString(5, at);
      ins.setString(6, comment);
      ins.setLong(7, seq);
      ins.executeUpdate();
    }
  }

  private static String past(String action) {
    return action.endsWith("e") ? action + "d" : action + "ed";
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing or blank");
    }
  }

  /** {@code sha256:<hex>} of the text with CRLF normalised to LF, as caveat-core hashes a version file. */
  static String contentHash(String yamlText) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(yamlText.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
