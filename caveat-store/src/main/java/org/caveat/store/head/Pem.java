package org.caveat.store.head;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM text blocks (RFC 7468): base64 in 64-column lines between BEGIN and END labels. */
final class Pem {

  private Pem() {}

  static String block(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  /** The DER bytes of the first block with that label, or null. */
  static byte[] find(String text, String label) {
    Matcher m = Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----")
        .matcher(text);
    return m.find() ? Base64.getMimeDecoder().decode(m.group(1)) : null;
  }
}
