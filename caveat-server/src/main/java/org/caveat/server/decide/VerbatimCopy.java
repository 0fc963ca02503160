package org.caveat.server.decide;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The log's copy of a request taken from the request's own bytes instead of written token by token
 * ({@link CanonicalCopy}): while core's binder reads the tokens through this delegate, it notes the
 * few places where the bytes differ from what {@link CanonicalCopy} would write, and the copy is the
 * bytes with those edits and without the white space between tokens, or the very same array when
 * there is nothing to change (the common case: a client that writes compact JSON with Java's or
 * Jackson's number forms, as {@code GenerateRequests} does).
 *
 * <p>For bytes that are ASCII with no backslash at all (the caller checks; a string with an escape
 * goes to {@link CanonicalCopy}), {@code copyCurrentEvent} writes a string or a name exactly as its
 * bytes, {@code true}, {@code false} and {@code null} as themselves, and an integer as its digits
 * unless it is {@code -0} (written {@code 0}). What may differ, and is edited here with what the copy
 * writes: a floating-point number not already in the form {@link Double#toString} gives its value
 * (the copy writes that form); a root {@code "time"} absent when the call has a default time
 * (written at the end of the object). A number the copy would write another way (not a finite
 * double), or a null time, makes {@link #verbatim} null, and the caller copies token by token
 * instead. The parser methods are called in the order {@code copyCurrentEvent} calls them, so the
 * binder reads the same values. The binder advances only with {@code nextToken} and the two
 * {@code nextFieldName}s, each of which reads one token, and all of them come through here.
 */
final class VerbatimCopy extends JsonParserDelegate {
  /** Bytes {@code [from, to)} of the request replaced by {@code text}. */
  private record Edit(int from, int to, String text) {}

  private final ParserBase tokens;
  private final byte[] bytes;
  private final String defaultTime;
  private List<Edit> edits;
  private int depth;
  private int members;
  private boolean time;
  private boolean atTime;
  private boolean assumes;
  private boolean other;

  /** @param in a parser of {@code bytes} from offset 0 (Jackson's byte parser, a {@link ParserBase}) */
  VerbatimCopy(JsonParser in, byte[] bytes, Instant defaultTime) {
    super(in);
    this.tokens = in instanceof ParserBase b ? b : null;
    this.bytes = bytes;
    this.other = tokens == null;
    this.defaultTime = defaultTime == null ? null : defaultTime.toString();
  }

  /** Whether the request object has an {@code assume} member. */
  boolean assumes() {
    return assumes;
  }

  /**
   * The log's copy of the bytes (once all are read), or null when a number needs the copy token by
   * token.
   *
   * @param blanks whether the bytes hold white space outside strings
   */
  byte[] verbatim(boolean blanks) {
    if (other) return null;
    if (edits == null && !blanks) return bytes;
    byte[] out = new byte[bytes.length + extra()];
    int n = 0;
    int e = 0;
    boolean inString = false;
    for (int i = 0; i < bytes.length; i++) {
      if (edits != null && e < edits.size() && edits.get(e).from == i) {
        Edit edit = edits.get(e++);
        for (int k = 0; k < edit.text.length(); k++) out[n++] = (byte) edit.text.charAt(k);
        i = edit.to - 1;
        continue;
      }
      byte b = bytes[i];
      if (b == '"') inString = !inString; // no backslash in these bytes: every quote opens or closes
      else if (!inString && (b == ' ' || b == '\n' || b == '\r' || b == '\t')) continue;
      out[n++] = b;
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  private int extra() {
    int n = 0;
    if (edits != null) for (Edit e : edits) n += Math.max(0, e.text.length() - (e.to - e.from));
    return n;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken t = delegate.nextToken();
    if (t != null && !other) note(t);
    return t;
  }

  @Override
  public String nextFieldName() throws IOException {
    return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
  }

  /**
   * The parser's own match of the name expected next (it compares bytes and skips its symbol
   * table; the delegate's default would read the token and compare Strings), then the token noted.
   */
  @Override
  public boolean nextFieldName(SerializableString expected) throws IOException {
    boolean matched = delegate.nextFieldName(expected);
    JsonToken t = delegate.currentToken();
    if (t != null && !other) note(t);
    return matched;
  }

  private void note(JsonToken t) throws IOException {
    boolean valueOfTime = atTime;
    atTime = false;
    switch (t) {
      case START_OBJECT, START_ARRAY -> depth++;
      case END_OBJECT -> {
        if (depth == 1 && !time && defaultTime != null) {
          int at = at();
          if (at < bytes.length && bytes[at] == '}') {
            edit(at, at, (members > 0 ? ",\"time\":\"" : "\"time\":\"") + defaultTime + "\"");
          } else {
            other = true;
          }
        }
        depth--;
      }
      case END_ARRAY -> depth--;
      case FIELD_NAME -> {
        if (depth == 1) {
          members++;
          String name = delegate.currentName();
          if (name.equals("time")) time = atTime = true;
          else if (name.equals("assume")) assumes = true;
        }
      }
      case VALUE_NULL -> {
        // core's binder gives up on a null today; should it take one, the token copy writes the time
        if (valueOfTime && defaultTime != null) other = true;
      }
      case VALUE_NUMBER_INT -> {
        if (delegate.getTextLength() == 2 && textAt(0) == '-' && textAt(1) == '0') {
          replace(delegate.getTextCharacters(), delegate.getTextOffset(), 2, "0");
        }
      }
      case VALUE_NUMBER_FLOAT -> floating();
      default -> { }
    }
  }

  /** A floating-point number as the copy writes it ({@code writeNumber(getDoubleValue())}), if it is a finite double. */
  private void floating() throws IOException {
    if (delegate.getNumberType() != JsonParser.NumberType.DOUBLE) {
      other = true;
      return;
    }
    double d = delegate.getDoubleValue();
    if (!Double.isFinite(d)) {
      other = true; // written as a string, "NaN": never a request's value, left to the copy
      return;
    }
    String canonical = Double.toString(d);
    char[] c = delegate.getTextCharacters();
    int o = delegate.getTextOffset();
    int n = delegate.getTextLength();
    boolean same = n == canonical.length();
    for (int i = 0; same && i < n; i++) same = c[o + i] == canonical.charAt(i);
    if (!same) replace(c, o, n, canonical);
  }

  /**
   * Replaces the current token, whose text is {@code c[o, o + n)}, with {@code text}; if the bytes
   * where the parser says the token starts are not that text (another Jackson may count offsets
   * otherwise), nothing is edited and the copy is left to the token-by-token path.
   */
  private void replace(char[] c, int o, int n, String text) {
    int at = at();
    boolean found = at >= 0 && at + n <= bytes.length;
    for (int i = 0; found && i < n; i++) found = bytes[at + i] == c[o + i];
    if (found) edit(at, at + n, text);
    else other = true;
  }

  private char textAt(int i) throws IOException {
    return delegate.getTextCharacters()[delegate.getTextOffset() + i];
  }

  /**
   * The byte offset at which the current token (not a name) starts: Jackson's byte parser keeps it
   * as the count of bytes up to and including the token's first ({@code currentTokenLocation()}
   * subtracts the one, with a new location object per call).
   */
  private int at() {
    return (int) tokens.getTokenCharacterOffset() - 1;
  }

  private void edit(int from, int to, String text) {
    if (edits == null) edits = new ArrayList<>(2);
    edits.add(new Edit(from, to, text));
  }
}
