package org.caveat.replay;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.caveat.json.RequestStream;

/**
 * Requests as NDJSON (or one JSON array), framed by caveat-core's {@link RequestStream} and
 * parsed on the workers, exactly as {@code caveat check} reads them.
 */
public final class NdjsonSource implements EventSource {
  private final RequestStream items;

  public NdjsonSource(InputStream in) {
    this.items = new RequestStream(in, false);
  }

  @Override
  public Framed next() {
    if (!items.hasNext()) return null;
    RequestStream.Item item = items.next();
    return new Framed(item.line(), item, null);
  }

  @Override
  public ReplayEvent decode(Framed framed, Instant asOf) {
    RequestStream.Item item = ((RequestStream.Item) framed.content()).parsed();
    if (item.error() != null) return ReplayEvent.bad(item.line(), item.error().id(), JsonRequests.describe(item.error()));
    return JsonRequests.decode(item.line(), item.node(), asOf);
  }

  @Override
  public void close() throws IOException {
    items.close();
  }
}
