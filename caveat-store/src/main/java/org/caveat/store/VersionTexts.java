package org.caveat.store;

import java.util.Collection;
import java.util.Optional;

/**
 * Every policy version text the service has decided with, kept by content hash and never removed
 * or changed. A compact log entry pins its versions by content hash and its answer is rebuilt by
 * deciding again, so each text must stay loadable after a release edits or drops a built-in pack
 * file; the server records the versions of its policy here when it starts and when it reloads.
 */
public interface VersionTexts {

  /**
   * A version file's text and the name it was loaded under ({@code grant/version.yaml}).
   *
   * @param contentHash {@code "sha256:"} and the hex SHA-256 of the text, CRLF read as LF
   */
  record Text(String contentHash, String fileName, String yaml) {}

  /**
   * Records each text under the hash of its content; a hash already recorded is left as it is
   * (recording is idempotent), all in one transaction.
   *
   * @param files file name and YAML text of each version
   * @return how many texts were new
   */
  int record(Collection<Named> files);

  /** A version file to record: its name and text. */
  record Named(String fileName, String yaml) {}

  /** The text recorded under a content hash. */
  Optional<Text> find(String contentHash);
}
