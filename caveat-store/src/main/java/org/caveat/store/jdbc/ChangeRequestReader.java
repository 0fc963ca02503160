package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caveat.store.ChangeRequest;
import org.caveat.store.ChangeRequest.State;
import org.caveat.store.ChangeRequest.Step;

/**
 * Reads change requests with their history in one query (a join), so a request and its steps
 * always come from the same snapshot.
 */
final class ChangeRequestReader {

  /** The columns a transition needs. */
  record Row(String grant, String version, LocalDate inForce, String author, String authorPerson, State state,
      String yaml, String contentHash) {}

  private static final String SELECT = "SELECT cr.seq, cr.grant_name, cr.version, cr.in_force, cr.author, cr.state,"
      + " cr.yaml, cr.content_hash, cr.impact, s.action, s.principal, s.at_utc, s.comment, cr.author_person,"
      + " cr.retroactive_reason, s.person"
      + " FROM change_request cr LEFT JOIN change_request_step s ON s.cr_seq = cr.seq";

  private final Database db;

  ChangeRequestReader(Database db) {
    this.db = db;
  }

  /** The change request {@code seq}, or all of them (oldest first) when null. */
  List<ChangeRequest> read(Long seq) {
    String sql = SELECT + (seq == null ? "" : " WHERE cr.seq = ?") + " ORDER BY cr.seq, s.step_no";
    return db.read("reading change requests", c -> {
      List<ChangeRequest> out = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(sql)) {
        if (seq != null) {
          q.setLong(1, seq);
        }
        try (ResultSet rs = q.executeQuery()) {
          long current = -1;
          ChangeRequest head = null;
          List<Step> steps = new ArrayList<>();
          while (rs.next()) {
            long s = rs.getLong(1);
            if (s != current) {
              if (head != null) {
                out.add(withSteps(head, steps));
              }
              current = s;
              steps = new ArrayList<>();
              head = new ChangeRequest("cr-" + s, rs.getString(2), rs.getString(3), LocalDate.parse(rs.getString(4)),
                  rs.getString(5), rs.getString(14), State.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                  rs.getString(9), rs.getString(15), List.of());
            }
            if (rs.getString(10) != null) {
              steps.add(new Step(rs.getString(10), rs.getString(11), rs.getString(16), Instant.parse(rs.getString(12)),
                  rs.getString(13)));
            }
          }
          if (head != null) {
            out.add(withSteps(head, steps));
          }
        }
      }
      return out;
    });
  }

  private static ChangeRequest withSteps(ChangeRequest cr, List<Step> steps) {
    return new ChangeRequest(cr.id(), cr.grant(), cr.version(), cr.inForce(), cr.author(), cr.authorPerson(),
        cr.state(), cr.yamlText(), cr.contentHash(), cr.impactJson(), cr.retroactiveReason(), steps);
  }

  /** The row of {@code seq} inside a transaction, or null. */
  static Row row(Connection c, long seq) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT grant_name, version, in_force, author, author_person,"
        + " state, yaml, content_hash FROM change_request WHERE seq = ?")) {
      q.setLong(1, seq);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Row(rs.getString(1), rs.getString(2), LocalDate.parse(rs.getString(3)), rs.getString(4),
            rs.getString(5), State.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8));
      }
    }
  }
}
