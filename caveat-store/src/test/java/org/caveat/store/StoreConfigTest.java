package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store options are checked when the config is built, and say what is wrong. */
class StoreConfigTest {

  @TempDir
  Path dir;

  @Test
  void sqliteCreatesTheDataFolder() {
    StoreConfig c = StoreConfig.sqlite(dir.resolve("a/b"));
    assertThat(dir.resolve("a/b")).isDirectory();
    assertThat(c.describe()).isEqualTo("sqlite:" + dir.resolve("a/b/caveat.db"));
  }

  @Test
  void aFileWhereTheDataFolderShouldBeIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    assertThatThrownBy(() -> StoreConfig.sqlite(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data folder " + file + " exists but is not a folder");
  }

  @Test
  void onlyPostgresqlUrlsAreAccepted() {
    assertThatThrownBy(() -> StoreConfig.jdbc("jdbc:mysql://db:3306/caveat?password=s3cret", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported database URL jdbc:mysql://db:3306/caveat: only PostgreSQL is supported,"
            + " e.g. jdbc:postgresql://localhost:5432/caveat");
    assertThatThrownBy(() -> StoreConfig.jdbc("jdbc:sqlite:/tmp/x.db", null, null))
        .hasMessageContaining("use a data folder");
    assertThatThrownBy(() -> StoreConfig.jdbc(" ", null, null)).hasMessageStartingWith("database URL is empty");
  }

  @Test
  void describeNeverShowsAPassword() {
    assertThat(StoreConfig.jdbc("jdbc:postgresql://u:pw@db:5432/caveat?password=pw&ssl=true", null, null).describe())
        .isEqualTo("jdbc:postgresql://db:5432/caveat");
  }

  @Test
  void aFileThatIsNotADatabaseIsAClearErrorAndStaysUntouched() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Path db = Files.writeString(data.resolve("caveat.db"), "these are not the rows you are looking for\n".repeat(200));
    byte[] before = Files.readAllBytes(db);
    assertThatThrownBy(() -> Store.open(StoreConfig.sqlite(data))).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open sqlite:" + db + ": ").hasMessageContaining("not a database");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void anUnreachableServerIsAClearError() {
    StoreConfig c = StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:1/caveat?password=pw", "caveat", "pw");
    assertThatThrownBy(() -> Store.open(c)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open jdbc:postgresql://127.0.0.1:1/caveat: ")
        .hasMessageNotContaining("pw");
  }
}
