package org.caveat.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caveat.store.PublishedVersion;
import org.caveat.store.PublishedVersions;

/** Published versions on JDBC, in publish order. */
final class JdbcPublishedVersions implements PublishedVersions {

  private final Database db;

  JdbcPublishedVersions(Database db) {
    this.db = db;
  }

  @Override
  public List<PublishedVersion> all() {
    return db.read("listing published versions", c -> {
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
    });
  }
}
