package org.caveat.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Chrome DevTools protocol connection over a WebSocket (java.net.http): numbered calls whose
 * replies complete futures, and events handed to a consumer. Every wait is bounded by the
 * time the supplier says is left.
 */
final class DevToolsSocket implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private final WebSocket socket;
  private final Supplier<Duration> remaining;
  private final Consumer<JsonNode> events;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  DevToolsSocket(String url, Supplier<Duration> remaining, Consumer<JsonNode> events) throws Exception {
    this.remaining = remaining;
    this.events = events;
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(remaining.get())
        .buildAsync(URI.create(url), new Listener()).get(millis(), TimeUnit.MILLISECONDS);
  }

  /** Calls a method (on a session when {@code session} is not null) and returns its result. */
  JsonNode call(String method, ObjectNode params, String session) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params);
    if (session != null) msg.put("sessionId", session);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(msg), true).get(millis(), TimeUnit.MILLISECONDS);
    JsonNode r = reply.get(millis(), TimeUnit.MILLISECONDS);
    if (r.has("error")) throw new IllegalStateException(method + " failed: " + r.get("error"));
    return r.path("result");
  }

  private long millis() {
    return remaining.get().toMillis();
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** Reassembles fragmented text frames, then answers calls or passes events on. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode m = JSON.readTree(partial.toString());
          if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
            if (f != null) f.complete(m);
          } else {
            events.accept(m);
          }
        } catch (IOException e) {
          events.accept(JSON.createObjectNode().put("method", "devtools.unreadable").put("text", e.getMessage()));
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
