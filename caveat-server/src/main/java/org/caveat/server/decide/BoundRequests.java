package org.caveat.server.decide;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.caveat.json.Json;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;

/**
 * The fast read of a request held as its own bytes, without a tree, in one pass: core's binder
 * reads the request from the token stream ({@link RequestReader#bind}) through a
 * {@link VerbatimCopy}, which notes where the bytes differ from the log's copy (usually nowhere:
 * the copy is then the bytes themselves), or, when the bytes hold a backslash, through a
 * {@link CanonicalCopy}, which writes each token it reads to the bytes the log keeps. Either way
 * the copy is exactly what serialising the request's tree with {@link Json#MAPPER} wrote, the
 * call's default time written in as {@link DecisionRequest} writes it into the tree.
 *
 * <p>Only the common case is taken here; anything else is null, and the caller reads the
 * request the general way (tree, then {@link RequestReader}), so every error keeps its code,
 * message and pointer: bytes that are not all ASCII, a {@code \}{@code u} escape (a lone
 * surrogate is an error of its own), anything the binder gives up on (not exactly one object, a
 * member given twice, any error), or an {@code assume} member (a what-if, which needs the tree).
 */
final class BoundRequests {
  private BoundRequests() {}

  /** {@link #scan}: the bytes are not plain ASCII, or hold a {@code \}{@code u} escape. */
  private static final int NOT_PLAIN = -1;
  /** {@link #scan}: a backslash somewhere (an escape the copy may write another way). */
  private static final int BACKSLASH = 1;
  /** {@link #scan}: white space outside strings (valid only without a backslash). */
  private static final int BLANKS = 2;

  /** The request in {@code bytes}, or null when it needs the general path (see the class comment). */
  static DecisionRequest.Bound read(byte[] bytes, RequestDefaults defaults) {
    int scan = scan(bytes);
    if (scan == NOT_PLAIN) return null;
    if ((scan & BACKSLASH) == 0) {
      // The common case: the copy is the bytes themselves, or them with a few edits (VerbatimCopy).
      VerbatimCopy[] check = new VerbatimCopy[1];
      Request request = RequestReader.bind(bytes, defaults, p -> check[0] = new VerbatimCopy(p, bytes, defaults.time()));
      if (request == null || check[0].assumes()) return null;
      byte[] logged = check[0].verbatim((scan & BLANKS) != 0);
      if (logged != null) return new DecisionRequest.Bound(request, logged);
    }
    return copied(bytes, defaults);
  }

  /** The request read through a {@link CanonicalCopy}, which writes the log's copy token by token. */
  static DecisionRequest.Bound copied(byte[] bytes, RequestDefaults defaults) {
    ByteArrayOutputStream out = AnswerBytes.buffer(); // copied out at its exact size below
    Request request;
    try (JsonGenerator g = AnswerBytes.UTF8.createGenerator(out)) {
      CanonicalCopy[] copy = new CanonicalCopy[1];
      request = RequestReader.bind(bytes, defaults, p -> copy[0] = new CanonicalCopy(p, g, defaults.time()));
      if (request == null || copy[0].assumes()) return null;
    } catch (IOException | RuntimeException e) {
      return null; // the general path says what is wrong, if anything
    }
    return new DecisionRequest.Bound(request, AnswerBytes.take(out));
  }

  /**
   * Bytes that need a closer look ({@link #exactScan}): not ASCII, a backslash, or white space. A
   * compact request, the common case, holds none of them, and one load and one branch per byte
   * settle it (no quote tracking: that only matters once white space is found).
   */
  private static final boolean[] CLOSER_LOOK = new boolean[256];

  static {
    for (int b = 128; b < 256; b++) CLOSER_LOOK[b] = true;
    for (char c : new char[] {'\\', ' ', '\n', '\r', '\t'}) CLOSER_LOOK[c] = true;
  }

  /**
   * {@link #NOT_PLAIN} unless only ASCII bytes and no {@code \}{@code u} escape; else which of
   * {@link #BACKSLASH} and {@link #BLANKS} the bytes hold: 0 at once for bytes with none of
   * {@link #CLOSER_LOOK}, else as {@link #exactScan} finds.
   */
  private static int scan(byte[] bytes) {
    for (byte b : bytes) if (CLOSER_LOOK[b & 0xff]) return exactScan(bytes);
    return 0;
  }

  /** {@link #scan} byte by byte, a quote toggling being in a string (exact only without backslashes). */
  private static int exactScan(byte[] bytes) {
    int found = 0;
    boolean inString = false;
    byte previous = 0;
    for (byte b : bytes) {
      if (b < 0 || (b == 'u' && previous == '\\')) return NOT_PLAIN;
      if (b == '\\') found |= BACKSLASH;
      else if (b == '"') inString = !inString;
      else if (!inString && (b == ' ' || b == '\n' || b == '\r' || b == '\t')) found |= BLANKS;
      previous = b;
    }
    return found;
  }
}
