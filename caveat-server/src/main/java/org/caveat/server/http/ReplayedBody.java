package org.caveat.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body was already read, handed on with those bytes as its body (as Jetty's own
 * {@code GzipRequest} hands on an inflated one): for a route served ahead of Javalin that reads a
 * body, finds it is not one it takes, and lets Javalin's route answer it as if nothing had read it.
 */
public final class ReplayedBody extends Request.Wrapper {
  private final Content.Source body;

  public ReplayedBody(Request request, byte[] bytes) {
    super(request);
    this.body = Content.Source.from(ByteBuffer.wrap(bytes));
  }

  @Override
  public Content.Chunk read() {
    return body.read();
  }

  @Override
  public void demand(Runnable demandCallback) {
    body.demand(demandCallback);
  }

  @Override
  public void fail(Throwable failure) {
    body.fail(failure);
  }
}
