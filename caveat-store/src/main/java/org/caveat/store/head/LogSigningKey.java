package org.caveat.store.head;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import org.caveat.store.StoreException;

/**
 * The Ed25519 key that signs tree heads. It lives in a file outside the database (whoever can
 * rewrite the rows must not also be able to sign a head over them): PEM text holding a
 * {@code PRIVATE KEY} block (PKCS #8) and a {@code PUBLIC KEY} block, created on first use with
 * permissions 0600; its public half is written beside it as {@code <name>.pub}.
 */
public final class LogSigningKey {

  private final PrivateKey privateKey;
  private final LogPublicKey publicKey;
  private final Path file;
  private final boolean created;

  private LogSigningKey(PrivateKey privateKey, LogPublicKey publicKey, Path file, boolean created) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.file = file;
    this.created = created;
  }

  /**
   * Loads the key from {@code file}, or creates it there (and its {@code .pub}) when there is none.
   *
   * @throws StoreException when the file cannot be read or written, is readable by other users,
   *     or holds no Ed25519 key pair, saying which and what to do
   */
  public static LogSigningKey openOrCreate(Path file) {
    Path f = file.toAbsolutePath().normalize();
    try {
      if (!Files.exists(f)) {
        try {
          create(f);
          return load(f, true);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: use theirs
        }
      }
      return load(f, false);
    } catch (IOException e) {
      throw new StoreException("cannot read or create the log signing key " + f + ": " + e, e);
    }
  }

  /** A key that exists only in memory: heads it signs cannot be checked after a restart. */
  public static LogSigningKey ephemeral() {
    KeyPair pair = generate();
    return new LogSigningKey(pair.getPrivate(), new LogPublicKey(pair.getPublic()), null, true);
  }

  /** Signs the head of a log of {@code size} entries with root {@code rootHex}, at {@code time} (to the millisecond). */
  public SignedTreeHead sign(long size, String rootHex, Instant time) {
    String t = time.truncatedTo(ChronoUnit.MILLIS).toString();
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(SignedTreeHead.signedBytes(size, rootHex, t));
      String signature = Base64.getEncoder().encodeToString(s.sign());
      return new SignedTreeHead(size, rootHex, t, publicKey.keyIdHex(), signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
    }
  }

  public LogPublicKey publicKey() {
    return publicKey;
  }

  /** The key file, or null for an {@link #ephemeral()} key. */
  public Path file() {
    return file;
  }

  /** Whether this process created the key (first start) rather than loading it. */
  public boolean created() {
    return created;
  }

  /** The public key file written beside {@code keyFile}: its name with {@code .key} replaced by (or followed by) {@code .pub}. */
  public static Path publicFileOf(Path keyFile) {
    String name = keyFile.getFileName().toString();
    String base = name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
    return keyFile.resolveSibling(base + ".pub");
  }

  private static void create(Path f) throws IOException {
    KeyPair pair = generate();
    String text = Pem.block("PRIVATE KEY", pair.getPrivate().getEncoded())
        + Pem.block("PUBLIC KEY", pair.getPublic().getEncoded());
    Files.createDirectories(f.getParent());
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Files.deleteIfExists(tmp);
    if (Files.getFileStore(f.getParent()).supportsFileAttributeView("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    try {
      // Without REPLACE_EXISTING: a key another process created meanwhile is kept, never overwritten.
      Files.move(tmp, f);
    } finally {
      Files.deleteIfExists(tmp);
    }
    Files.writeString(publicFileOf(f), new LogPublicKey(pair.getPublic()).pem(), StandardCharsets.US_ASCII);
  }

  private static LogSigningKey load(Path f, boolean created) throws IOException {
    if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
      perms.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE));
      if (!perms.isEmpty()) {
        throw new StoreException("the log signing key " + f + " can be used by other users ("
            + PosixFilePermissions.toString(Files.getPosixFilePermissions(f)) + "); run `chmod 600 " + f + "`");
      }
    }
    String text = Files.readString(f, StandardCharsets.US_ASCII);
    byte[] privateDer = Pem.find(text, "PRIVATE KEY");
    byte[] publicDer = Pem.find(text, "PUBLIC KEY");
    if (privateDer == null || publicDer == null) {
      throw new StoreException(f + " is not a Caveat log signing key (it needs a PEM `PRIVATE KEY` and a"
          + " `PUBLIC KEY` block); move it away to have a new key created");
    }
    try {
      PrivateKey priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(privateDer));
      LogPublicKey pub = LogPublicKey.decode(Base64.getEncoder().encodeToString(publicDer), f.toString());
      LogSigningKey key = new LogSigningKey(priv, pub, f, created);
      SignedTreeHead probe = key.sign(0, "00".repeat(32), Instant.EPOCH);
      if (pub.problem(probe) != null) {
        throw new StoreException("the private and public keys in " + f + " do not belong together");
      }
      Path pubFile = publicFileOf(f);
      if (!Files.exists(pubFile)) {
        Files.writeString(pubFile, pub.pem(), StandardCharsets.US_ASCII);
      }
      return key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new StoreException(f + " holds no Ed25519 key: " + e.getMessage(), e);
    }
  }

  private static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no Ed25519: " + e.getMessage(), e);
    }
  }
}
