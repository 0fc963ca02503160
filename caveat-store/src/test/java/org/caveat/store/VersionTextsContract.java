package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version texts by content hash (V5): part of the storage contract every database passes. */
interface VersionTextsContract extends StoreFixture {

  String V1 = "grant: us-ua\nversion: '2024-06-01'\n";
  String V2_CRLF = "grant: us-ua\r\nversion: '2024-07-01'\r\n";

  static String hash(String yaml) {
    return "sha256:" + IndependentMerkle.hex(IndependentMerkle.sha256(
        yaml.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  default void textsAreFoundByTheHashOfTheirContentAndRecordedOnce() throws Exception {
    VersionTexts texts = store().versionTexts();
    assertThat(texts.record(List.of(new VersionTexts.Named("us-ua/2024-06-01.yaml", V1),
        new VersionTexts.Named("us-ua/2024-07-01.yaml", V2_CRLF)))).isEqualTo(2);
    assertThat(texts.find(hash(V1))).contains(new VersionTexts.Text(hash(V1), "us-ua/2024-06-01.yaml", V1));
    assertThat(texts.find(hash(V2_CRLF)).orElseThrow().yaml()).as("kept as given").isEqualTo(V2_CRLF);
    clock().advance(Duration.ofDays(1));
    assertThat(texts.record(List.of(new VersionTexts.Named("elsewhere/renamed.yaml", V1))))
        .as("a known text is left as it is, whatever its name now").isZero();
    assertThat(texts.find(hash(V1)).orElseThrow().fileName()).isEqualTo("us-ua/2024-06-01.yaml");
    assertThat(texts.find(hash("grant: gb-ua\n"))).isEmpty();
    try (Connection c = raw(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM version_text")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  default void aTextWithoutANameIsRefused() {
    assertThatThrownBy(() -> store().versionTexts().record(List.of(new VersionTexts.Named(" ", V1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
    assertThat(store().versionTexts().find(hash(V1))).isEmpty();
  }
}
