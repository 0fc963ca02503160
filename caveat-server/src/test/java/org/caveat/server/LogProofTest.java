package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inclusion proofs from the HTTP API checked by a verifier written here from RFC 6962 §2.1.1 (not
 * the store's code): the audit path, hashed up from the leaf, must give the head's root.
 */
class LogProofTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
    for (int i = 0; i < 13; i++) {
      String req = i % 2 == 0 ? ServerFixture.permitRequest("p" + i) : ServerFixture.denyRequest("p" + i);
      assertThat(f.postJson("/v1/decisions", "analyst", req).statusCode()).isEqualTo(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  static byte[] sha256(byte prefix, byte[]... parts) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update(prefix);
    for (byte[] p : parts) d.update(p);
    return d.digest();
  }

  /**
   * RFC 6962 §2.1.1 / RFC 9162 §2.1.3.2: walk the path with fn = index, sn = size - 1; a right
   * child (fn odd) or fn == sn hashes the sibling on the left, otherwise on the right.
   */
  static byte[] rootFromPath(long index, long size, byte[] leafHash, List<byte[]> path) throws Exception {
    long fn = index, sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) throw new AssertionError("path longer than the tree");
      if ((fn & 1) == 1 || fn == sn) {
        r = sha256((byte) 1, p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = sha256((byte) 1, r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) throw new AssertionError("path shorter than the tree");
    return r;
  }

  @Test
  void everyEntryProvesIntoTheHead() throws Exception {
    JsonNode head = Json.MAPPER.readTree(f.get("/v1/log/head", "reader").body());
    long size = head.path("size").asLong();
    assertThat(size).isEqualTo(13);
    HexFormat hex = HexFormat.of();
    for (long i = 0; i < size; i++) {
      JsonNode proof = Json.MAPPER.readTree(f.get("/v1/log/proof/" + i, "reader").body());
      JsonNode entry = Json.MAPPER.readTree(f.get("/v1/log/entries/" + i, "reader").body());
      assertThat(entry.path("leaf_hash").asText()).isEqualTo(proof.path("leaf_hash").asText());
      List<byte[]> path = new ArrayList<>();
      proof.path("path").forEach(p -> path.add(hex.parseHex(p.asText())));
      byte[] root = rootFromPath(i, size, hex.parseHex(proof.path("leaf_hash").asText()), path);
      assertThat(hex.formatHex(root)).as("entry %d", i).isEqualTo(head.path("root").asText());
      assertThat(proof.path("root").asText()).isEqualTo(head.path("root").asText());
    }
  }

  @Test
  void proofsIntoAnEarlierTreeSize() throws Exception {
    HexFormat hex = HexFormat.of();
    JsonNode proof = Json.MAPPER.readTree(f.get("/v1/log/proof/2?tree_size=5", "reader").body());
    List<byte[]> path = new ArrayList<>();
    proof.path("path").forEach(p -> path.add(hex.parseHex(p.asText())));
    byte[] root = rootFromPath(2, 5, hex.parseHex(proof.path("leaf_hash").asText()), path);
    assertThat(hex.formatHex(root)).isEqualTo(proof.path("root").asText());
    // Recompute the root of the first 5 leaves independently (RFC 6962 MTH) from the leaf hashes.
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      leaves.add(hex.parseHex(Json.MAPPER.readTree(f.get("/v1/log/entries/" + i, "reader").body()).path("leaf_hash").asText()));
    }
    assertThat(hex.formatHex(mth(leaves))).isEqualTo(proof.path("root").asText());
  }

  static byte[] mth(List<byte[]> leafHashes) throws Exception {
    if (leafHashes.size() == 1) return leafHashes.get(0);
    int k = Integer.highestOneBit(leafHashes.size() - 1);
    return sha256((byte) 1, mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, leafHashes.size())));
  }

  @Test
  void theEntryHoldsTheRequestAndTheAnswerAsSent() throws Exception {
    JsonNode e = Json.MAPPER.readTree(f.get("/v1/log/entries/0", "reader").body());
    assertThat(e.path("id").asText()).isEqualTo("p0");
    assertThat(e.path("request").path("target").path("category").asText()).isEqualTo("artillery");
    assertThat(e.path("answer").path("decision").asText()).isEqualTo("PERMIT");
    assertThat(e.path("version_hashes").get(0).asText()).startsWith("sha256:");
  }

  @Test
  void proofsOutsideTheLogAreProblems() throws Exception {
    assertThat(f.get("/v1/log/proof/13", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/log/proof/1?tree_size=99", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/log/entries/999", "reader").statusCode()).isEqualTo(404);
  }
}
