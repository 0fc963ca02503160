package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.caveat.store.head.LogPublicKey;
import org.caveat.store.head.LogSigningKey;
import org.caveat.store.head.SignedTreeHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key's file, the exact signed bytes, and what a check of a saved head catches. */
class SignedTreeHeadTest {

  @TempDir
  Path dir;

  static final String ROOT = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

  @Test
  void theKeyIsCreatedOnceWithOwnerOnlyPermissionsAndItsPublicHalfBesideIt() throws Exception {
    Path file = dir.resolve("data/log-signing.key");
    LogSigningKey created = LogSigningKey.openOrCreate(file);
    assertThat(created.created()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n").contains("-----BEGIN PUBLIC KEY-----");
    Path pub = dir.resolve("data/log-signing.pub");
    assertThat(Files.readString(pub)).isEqualTo(created.publicKey().pem()).doesNotContain("PRIVATE");
    LogSigningKey loaded = LogSigningKey.openOrCreate(file);
    assertThat(loaded.created()).isFalse();
    assertThat(loaded.publicKey().keyIdHex()).isEqualTo(created.publicKey().keyIdHex()).hasSize(64);
    assertThat(LogPublicKey.read(pub).keyIdHex()).isEqualTo(created.publicKey().keyIdHex());
    assertThat(LogPublicKey.read(file).keyIdHex()).isEqualTo(created.publicKey().keyIdHex());
    Files.delete(pub);
    LogSigningKey.openOrCreate(file);
    assertThat(pub).exists();
  }

  @Test
  void aKeyOthersCanReadOrThatIsNoKeyIsRefusedWithTheWayOut() throws Exception {
    Path file = dir.resolve("log-signing.key");
    LogSigningKey.openOrCreate(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> LogSigningKey.openOrCreate(file)).isInstanceOf(StoreException.class)
        .hasMessage("the log signing key " + file + " can be used by other users (rw-r--r--); run `chmod 600 " + file + "`");
    Files.writeString(file, "not a key");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> LogSigningKey.openOrCreate(file)).hasMessageContaining("is not a Caveat log signing key");
  }

  @Test
  void theSignatureCoversTheDocumentedBytes() throws Exception {
    LogSigningKey key = LogSigningKey.ephemeral();
    SignedTreeHead h = key.sign(8, ROOT, Instant.parse("2026-03-01T10:00:00.123456Z"));
    assertThat(h.time()).isEqualTo("2026-03-01T10:00:00.123Z");
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write("caveat-tree-head/1".getBytes(StandardCharsets.US_ASCII));
    expected.write(ByteBuffer.allocate(8).putLong(8).array());
    expected.write(new byte[] {0, 0, 0, 32});
    expected.write(IndependentMerkle.unhex(ROOT));
    expected.write(new byte[] {0, 0, 0, 24});
    expected.write("2026-03-01T10:00:00.123Z".getBytes(StandardCharsets.US_ASCII));
    assertThat(h.signedBytes()).isEqualTo(expected.toByteArray());
    java.security.Signature s = java.security.Signature.getInstance("Ed25519");
    s.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(
        new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(key.publicKey().base64()))));
    s.update(expected.toByteArray());
    assertThat(s.verify(h.signature())).isTrue();
    assertThat(key.sign(8, ROOT, Instant.parse("2026-03-01T10:00:00.123Z"))).as("Ed25519 is deterministic").isEqualTo(h);
  }

  @Test
  void theJsonRoundTripsAndAnyAlteredFieldFailsTheCheck() {
    LogSigningKey key = LogSigningKey.ephemeral();
    SignedTreeHead h = key.sign(100, ROOT, Instant.parse("2026-03-01T10:00:00Z"));
    String json = new String(h.toJson(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"size\" : 100").contains("\"format\" : \"caveat-tree-head/1\"").endsWith("}\n");
    SignedTreeHead back = SignedTreeHead.parse(json);
    assertThat(back).isEqualTo(h);
    assertThat(key.publicKey().problem(back)).isNull();
    String signatureProblem = "the signature does not match the head's size, root and time (the head was altered,"
        + " or not signed by this key)";
    assertThat(key.publicKey().problem(SignedTreeHead.parse(json.replace("\"size\" : 100", "\"size\" : 90")))).isEqualTo(signatureProblem);
    assertThat(key.publicKey().problem(SignedTreeHead.parse(json.replace("\"root\" : \"5dc9", "\"root\" : \"5dc8")))).isEqualTo(signatureProblem);
    assertThat(key.publicKey().problem(SignedTreeHead.parse(json.replace("\"time\" : \"2026-03-01T10:00:00Z", "\"time\" : \"2026-03-01T10:00:01Z"))))
        .isEqualTo(signatureProblem);
    LogPublicKey other = LogSigningKey.ephemeral().publicKey();
    assertThat(other.problem(back)).startsWith("the head was signed by key " + h.keyIdHex() + ", not by the given key ");
  }

  @Test
  void aBrokenHeadFileNamesTheField() {
    SignedTreeHead h = LogSigningKey.ephemeral().sign(3, ROOT, Instant.EPOCH);
    String json = new String(h.toJson(), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SignedTreeHead.parse("[1]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> SignedTreeHead.parse("{\"size\": ")).hasMessageStartingWith("not JSON: ");
    assertThatThrownBy(() -> SignedTreeHead.parse(json.replace("\"size\" : 3", "\"size\" : -3")))
        .hasMessage("size is missing or not a whole number ≥ 0");
    assertThatThrownBy(() -> SignedTreeHead.parse(json.replace(ROOT, "xyz"))).hasMessage("root is not 64 lower-case hex digits");
    assertThatThrownBy(() -> SignedTreeHead.parse(json.replace("1970-01-01T00:00:00Z", "yesterday")))
        .hasMessage("time `yesterday` is not an ISO-8601 instant");
    assertThatThrownBy(() -> SignedTreeHead.parse(json.replace("caveat-tree-head/1", "caveat-tree-head/9")))
        .hasMessage("format `caveat-tree-head/9` is not caveat-tree-head/1");
    assertThatThrownBy(() -> SignedTreeHead.parse(json.replace("\"size\" : 3,", "\"size\" : 3, \"size\" : 4,")))
        .hasMessageContaining("Duplicate field 'size'");
    assertThatThrownBy(() -> SignedTreeHead.parse(json.replace("\"signature\"", "\"sig\"")))
        .hasMessage("signature is missing or not a string");
  }
}
