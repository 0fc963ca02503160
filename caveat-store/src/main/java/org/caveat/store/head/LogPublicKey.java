package org.caveat.store.head;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.store.merkle.Rfc6962;

/**
 * The public half of the log's signing key: what an auditor needs to check a saved head. Its id
 * is the lower-case hex SHA-256 of the key's DER encoding (X.509 SubjectPublicKeyInfo), as
 * Certificate Transparency names log keys.
 */
public final class LogPublicKey {

  private static final Pattern JSON_KEY = Pattern.compile("\"public_key\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");

  private final PublicKey key;
  private final byte[] der;
  private final String keyIdHex;

  LogPublicKey(PublicKey key) {
    this.key = key;
    this.der = key.getEncoded();
    this.keyIdHex = keyId(der);
  }

  /**
   * Reads a public key from a file: a PEM {@code PUBLIC KEY} block (the {@code .pub} file the
   * server writes, or its private key file, which holds one too), or the JSON of
   * {@code GET /v1/log/key}.
   *
   * @throws IllegalArgumentException when the file holds no Ed25519 public key, saying why
   */
  public static LogPublicKey read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    byte[] pem = Pem.find(text, "PUBLIC KEY");
    Matcher json = JSON_KEY.matcher(text);
    String base64;
    if (pem != null) {
      base64 = Base64.getEncoder().encodeToString(pem);
    } else if (json.find()) {
      base64 = json.group(1);
    } else {
      throw new IllegalArgumentException(file + " holds no public key (a PEM `PUBLIC KEY` block or the JSON of"
          + " GET /v1/log/key)");
    }
    return decode(base64, file.toString());
  }

  /** The key from the base64 of its DER encoding, as {@link #base64()} gives it. */
  public static LogPublicKey decode(String base64, String where) {
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return new LogPublicKey(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(where + " holds no Ed25519 public key: " + e.getMessage(), e);
    }
  }

  static String keyId(byte[] der) {
    try {
      return Rfc6962.hex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  public String keyIdHex() {
    return keyIdHex;
  }

  /** Base64 of the DER (SubjectPublicKeyInfo) encoding. */
  public String base64() {
    return Base64.getEncoder().encodeToString(der);
  }

  /** The PEM text ({@code -----BEGIN PUBLIC KEY-----} …), ending in a newline. */
  public String pem() {
    return Pem.block("PUBLIC KEY", der);
  }

  /**
   * Null when {@code head} was signed by this key and the signature covers its fields; otherwise
   * what is wrong.
   */
  public String problem(SignedTreeHead head) {
    if (!head.keyIdHex().equals(keyIdHex)) {
      return "the head was signed by key " + head.keyIdHex() + ", not by the given key " + keyIdHex;
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(head.signedBytes());
      return s.verify(head.signature()) ? null
          : "the signature does not match the head's size, root and time (the head was altered, or not signed"
              + " by this key)";
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return "the signature cannot be checked: " + e.getMessage();
    }
  }
}
