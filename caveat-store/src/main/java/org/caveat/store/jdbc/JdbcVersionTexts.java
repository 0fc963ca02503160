package org.caveat.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caveat.store.VersionTexts;

/**
 * {@link VersionTexts} in the {@code version_text} table (V5). The key is computed here from the
 * text, so a row can only ever hold the text its hash names.
 */
final class JdbcVersionTexts implements VersionTexts {

  private final Database db;
  private final Clock clock;

  JdbcVersionTexts(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public int record(Collection<Named> files) {
    Map<String, Named> byHash = new LinkedHashMap<>();
    for (Named f : files) {
      if (f.fileName() == null || f.fileName().isBlank() || f.yaml() == null) {
        throw new IllegalArgumentException("a version text to record needs a file name and a text");
      }
      byHash.putIfAbsent(JdbcChangeRequests.contentHash(f.yaml()), f);
    }
    if (byHash.isEmpty()) return 0;
    String now = clock.instant().toString();
    return db.write("recording version texts", c -> {
      int added = 0;
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO version_text (content_hash, file_name, yaml,"
          + " recorded_at) VALUES (?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING")) {
        for (Map.Entry<String, Named> e : byHash.entrySet()) {
          ins.setString(1, e.getKey());
          ins.setString(2, e.getValue().fileName());
          ins.setString(3, e.getValue().yaml());
          ins.setString(4, now);
          added += ins.executeUpdate();
        }
      }
      return added;
    });
  }

  @Override
  public Optional<Text> find(String contentHash) {
    return db.read("reading the version text " + contentHash, c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT file_name, yaml FROM version_text WHERE content_hash = ?")) {
        q.setString(1, contentHash);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? Optional.of(new Text(contentHash, rs.getString(1), rs.getString(2))) : Optional.empty();
        }
      }
    });
  }
}
