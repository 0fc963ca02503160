package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.caveat.json.Json;
import org.caveat.store.head.LogSigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inclusion and consistency proofs and the signed head from the HTTP API, checked by code written
 * here from RFC 6962 §2.1.1–2.1.2 and the documented signed bytes (not the store's code): the
 * audit path, hashed up from the leaf, must give the head's root; a consistency proof must be the
 * RFC's SUBPROOF over the logged leaves; the signature must verify with the served key.
 */
class LogProofTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123Z");
  static ServerFixture f;
  static Path keyDir;

  @BeforeAll
  static void start() throws Exception {
    keyDir = Files.createTempDirectory("caveat-log-key");
    f = new ServerFixture(null, b -> b.clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .signingKey(LogSigningKey.openOrCreate(keyDir.resolve("log-signing.key"))));
    for (int i = 0; i < 13; i++) {
      String req = i % 2 == 0 ? ServerFixture.permitRequest("p" + i) : ServerFixture.denyRequest("p" + i);
      assertThat(f.postJson("/v1/decisions", "analyst", req).statusCode()).isEqualTo(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
    try (var files = Files.list(keyDir)) {
      files.forEach(p -> p.toFile().delete());
    }
    Files.delete(keyDir);
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
  void theHeadIsSignedAtTheClocksTimeWithTheKeyAnyoneCanFetch() throws Exception {
    JsonNode head = Json.MAPPER.readTree(f.get("/v1/log/head", "reader").body());
    assertThat(head.path("size").asLong()).isEqualTo(13);
    assertThat(head.path("time").asText()).isEqualTo("2026-03-01T10:00:00.123Z");
    assertThat(head.path("format").asText()).isEqualTo("caveat-tree-head/1");
    JsonNode key = Json.MAPPER.readTree(f.get("/v1/log/key", null).body());
    assertThat(key.path("ephemeral").asBoolean()).isFalse();
    assertThat(key.path("pem").asText()).isEqualTo(Files.readString(keyDir.resolve("log-signing.pub")));
    byte[] der = Base64.getDecoder().decode(key.path("public_key").asText());
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)))
        .isEqualTo(key.path("key_id").asText()).isEqualTo(head.path("key_id").asText());
    // The signed bytes, built here from the documented layout, not by the server's code.
    byte[] time = head.path("time").asText().getBytes(StandardCharsets.UTF_8);
    byte[] signed = ByteBuffer.allocate(18 + 8 + 4 + 32 + 4 + time.length)
        .put("caveat-tree-head/1".getBytes(StandardCharsets.US_ASCII)).putLong(head.path("size").asLong())
        .putInt(32).put(HexFormat.of().parseHex(head.path("root").asText())).putInt(time.length).put(time).array();
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
    ed.update(signed);
    assertThat(ed.verify(Base64.getDecoder().decode(head.path("signature").asText()))).isTrue();
    assertThat(f.get("/v1/log/head", null).statusCode()).isEqualTo(401);
  }

  @Test
  void consistencyProofsAreTheRecursionOfTheRfc() throws Exception {
    HexFormat hex = HexFormat.of();
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      leaves.add(hex.parseHex(Json.MAPPER.readTree(f.get("/v1/log/entries/" + i, "reader").body()).path("leaf_hash").asText()));
    }
    for (int[] pair : new int[][] {{1, 13}, {4, 13}, {5, 13}, {8, 13}, {12, 13}, {13, 13}, {3, 7}, {6, 8}}) {
      JsonNode p = Json.MAPPER.readTree(f.get("/v1/log/consistency?from=" + pair[0] + "&to=" + pair[1], "reader").body());
      List<String> path = new ArrayList<>();
      p.path("path").forEach(h -> path.add(h.asText()));
      List<String> expected = new ArrayList<>();
      for (byte[] h : subproof(pair[0], leaves.subList(0, pair[1]), true)) expected.add(hex.formatHex(h));
      assertThat(path).as("%d → %d", pair[0], pair[1]).isEqualTo(expected);
      assertThat(p.path("from_root").asText()).isEqualTo(hex.formatHex(mth(leaves.subList(0, pair[0]))));
      assertThat(p.path("to_root").asText()).isEqualTo(hex.formatHex(mth(leaves.subList(0, pair[1]))));
    }
    assertThat(f.get("/v1/log/consistency?from=0&to=5", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/log/consistency?from=6&to=5", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/log/consistency?from=1&to=14", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/log/consistency?to=5", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/log/consistency?from=x&to=5", "reader").body()).contains("log.from");
  }

  @Test
  void proofsAreIndentedForPeopleReadingThemWithCurl() throws Exception {
    String root = Json.MAPPER.readTree(f.get("/v1/log/head", "reader").body()).path("root").asText();
    assertThat(f.get("/v1/log/consistency?from=13&to=13", "reader").body()).isEqualTo("{\n"
        + "  \"from\" : 13,\n"
        + "  \"to\" : 13,\n"
        + "  \"from_root\" : \"" + root + "\",\n"
        + "  \"to_root\" : \"" + root + "\",\n"
        + "  \"path\" : [ ]\n"
        + "}\n");
  }

  /** RFC 6962 §2.1.2 SUBPROOF(m, D, b), from the definition. */
  static List<byte[]> subproof(int m, List<byte[]> d, boolean b) throws Exception {
    List<byte[]> out = new ArrayList<>();
    if (m == d.size()) {
      if (!b) out.add(mth(d));
      return out;
    }
    int k = Integer.highestOneBit(d.size() - 1);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, d.size())));
    } else {
      out.addAll(subproof(m - k, d.subList(k, d.size()), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  @Test
  void proofsOutsideTheLogAreProblems() throws Exception {
    assertThat(f.get("/v1/log/proof/13", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/log/proof/1?tree_size=99", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/log/entries/999", "reader").statusCode()).isEqualTo(404);
  }
}
