package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caveat.store.PublishedVersion;
import org.caveat.store.PublishedVersions;
import org.caveat.store.StoreException;
import org.caveat.store.VerifyReport;

/** Published versions on JDBC, in publish order, checked against (and restorable from) the log. */
final class JdbcPublishedVersions implements PublishedVersions {

  private final Database db;
  private final JdbcDecisionLog log;

  JdbcPublishedVersions(Database db, JdbcDecisionLog log) {
    this.db = db;
    this.log = log;
  }

  @Override
  public List<PublishedVersion> all() {
    return db.read("listing published versions", JdbcPublishedVersions::rows);
  }

  /** Rows are only inserted (publish) or deleted and inserted anew (restore), so count and highest seq tell every change. */
  @Override
  public String revision() {
    return db.read("reading the published versions' revision", c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM published_version");
          ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1) + ":" + rs.getLong(2);
      }
    });
  }

  private static List<PublishedVersion> rows(Connection c) throws SQLException {
    List<PublishedVersion> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("SELECT grant_name, version, yaml, content_hash, cr_seq,"
        + " published_at FROM published_version ORDER BY seq");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        String grant = rs.getString(1);
        String version = rs.getString(2);
        out.add(new PublishedVersion(grant, version, grant + "/" + version + ".yaml", rs.getString(3),
            rs.getString(4), "cr-" + rs.getLong(5), Instant.parse(rs.getString(6))));
      }
    }
    return out;
  }

  @Override
  public List<String> check() {
    return db.read("checking the published versions against the decision log",
        c -> VersionCheck.problems(rows(c), VersionEntries.read(c)));
  }

  @Override
  public List<String> check(List<PublishedVersion> rows) {
    return db.read("checking the published versions against the decision log",
        c -> VersionCheck.problems(rows, VersionEntries.read(c)));
  }

  @Override
  public List<String> restoreFromLog() {
    VerifyReport report = log.verify();
    if (!report.ok()) {
      throw new StoreException("the decision log does not verify (" + report.problem() + "); published versions"
          + " are restored only from a log that verifies");
    }
    return db.write("restoring the published versions from the decision log", c -> {
      List<VersionEntries.Logged> logged = VersionEntries.read(c);
      List<String> problems = VersionCheck.problems(rows(c), logged);
      if (problems.isEmpty()) {
        return problems;
      }
      try (PreparedStatement del = c.prepareStatement("DELETE FROM published_version")) {
        del.executeUpdate();
      }
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO published_version"
          + " (grant_name, version, yaml, content_hash, cr_seq, published_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (VersionEntries.Logged l : latestOfEach(logged)) {
          ins.setString(1, l.grant());
          ins.setString(2, l.version());
          ins.setString(3, l.yaml());
          ins.setString(4, l.contentHash());
          ins.setLong(5, changeRequestSeq(l));
          ins.setString(6, l.publishedAt());
          ins.executeUpdate();
        }
      }
      return problems;
    });
  }

  /** One entry per version, in log order (a version is logged once unless the log was written behind the store's back). */
  private static List<VersionEntries.Logged> latestOfEach(List<VersionEntries.Logged> logged) {
    Map<String, VersionEntries.Logged> byName = new LinkedHashMap<>();
    for (VersionEntries.Logged l : logged) {
      byName.putIfAbsent(l.name(), l);
    }
    return new ArrayList<>(byName.values());
  }

  private static long changeRequestSeq(VersionEntries.Logged l) {
    String cr = l.changeRequest();
    if (!cr.matches("cr-[1-9][0-9]{0,17}")) {
      throw new StoreException("log entry " + l.index() + " (published version " + l.name()
          + ") names no change request (`" + cr + "`)");
    }
    return Long.parseLong(cr.substring(3));
  }

  /**
   * Logs every published version that has no log entry: run once, when the store applies the
   * migration that made versions log entries, for the versions published before it.
   */
  void logUnlogged() {
    List<String> names = db.read("listing published versions",
        c -> VersionEntries.read(c).stream().map(VersionEntries.Logged::name).toList());
    for (PublishedVersion v : all()) {
      if (!names.contains(v.grant() + "/" + v.version())) {
        log.appendWith(c -> VersionEntries.prepare(v.grant(), v.version(), v.yamlText(), v.contentHash(),
            v.changeRequestId(), v.publishedAt().toString()));
      }
    }
  }
}
