package org.caveat.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The log contract on an embedded SQLite file in a temporary data folder. */
class SqliteStoreTest extends StoreContract {

  @TempDir
  Path dir;

  @Override
  protected StoreConfig freshConfig() {
    return StoreConfig.sqlite(dir.resolve("data"));
  }

  @Override
  public Connection raw() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("caveat.db"));
  }

  @Override
  public List<String> crashChildArgs() {
    return List.of("sqlite", dir.resolve("data").toString());
  }
}
