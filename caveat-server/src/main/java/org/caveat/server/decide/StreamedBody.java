package org.caveat.server.decide;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.caveat.json.RequestError;
import org.caveat.json.RequestStream;
import org.caveat.server.http.BodyStream;
import org.caveat.server.problem.Problems;

/**
 * A decision body too large to be read whole ({@link DecisionBody#WHOLE_BODY_BYTES}), read item
 * by item by caveat-core's {@link RequestStream} while the items before are decided, so memory
 * does not grow with the batch. Its shape follows the same rules as {@link DecisionBody}: a JSON
 * array; NDJSON by Content-Type, or when a sound first value is followed by another; else one
 * request (which, this large, is refused as {@link DecisionBody} would refuse it).
 */
final class StreamedBody implements Iterator<RequestStream.Item>, AutoCloseable {
  final DecisionBody.Shape shape;
  private final RequestStream stream;
  private final Deque<RequestStream.Item> peeked = new ArrayDeque<>(2);

  private StreamedBody(DecisionBody.Shape shape, RequestStream stream) {
    this.shape = shape;
    this.stream = stream;
  }

  /** @param first the body's first non-blank byte */
  static StreamedBody open(InputStream body, boolean ndjson, int first) {
    // NDJSON by Content-Type is only framed here, its lines kept as bytes where they may be, and
    // read without a tree by the batch writer (DecisionRequest.framed), as a body read whole is:
    // its shape does not depend on its items.
    RequestStream s = new RequestStream(body, !ndjson || first == '[');
    if (first == '[') return new StreamedBody(DecisionBody.Shape.ARRAY, s);
    if (ndjson) return new StreamedBody(DecisionBody.Shape.NDJSON, s);
    // Without the NDJSON type, several values make NDJSON only if the first is sound (as DecisionBody).
    RequestStream.Item one = s.hasNext() ? s.next() : null;
    RequestStream.Item two = s.hasNext() ? s.next() : null;
    boolean several = two != null && one.error() == null;
    StreamedBody b = new StreamedBody(several ? DecisionBody.Shape.NDJSON : DecisionBody.Shape.SINGLE, s);
    if (one != null) b.peeked.add(one);
    if (two != null) b.peeked.add(two);
    return b;
  }

  /**
   * The one request of a SINGLE body, or the problem that refuses it (a malformed or oversized
   * object, or content after it).
   */
  RequestStream.Item single(BodyStream body) {
    RequestStream.Item i = hasNext() ? next() : null;
    if (i == null) throw Problems.badRequest("the body holds no JSON value");
    RequestError e = i.error();
    if (e == null) return i;
    if (e.code().equals("input.io") && body.failure() != null) throw body.failure().exception();
    if (e.code().equals("json.syntax")) throw Problems.syntax(e.message(), i.line(), 0);
    throw Problems.badItem(e, null, i.line());
  }

  @Override
  public boolean hasNext() {
    return !peeked.isEmpty() || stream.hasNext();
  }

  @Override
  public RequestStream.Item next() {
    if (!peeked.isEmpty()) return peeked.removeFirst();
    if (!stream.hasNext()) throw new NoSuchElementException();
    return stream.next();
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      // the request is over either way; Jetty closes the connection if the body was not read
    }
  }
}
