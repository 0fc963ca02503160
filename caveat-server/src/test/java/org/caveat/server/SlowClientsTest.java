package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients trickling their bodies (one byte at a time, with a valid analyst token) once held every
 * server thread: /healthz stopped answering. Now one token holds at most a few threads (the rest
 * get 429 at once) and a body that arrives too slowly is refused (408), so /healthz and other
 * clients' decisions keep being answered. Real sockets on 127.0.0.1; every loop is bounded.
 */
class SlowClientsTest {
  private static final int SLOW_CLIENTS = 40;

  @Test
  void slowBodiesDoNotStarveOtherClients() throws Exception {
    try (ServerFixture f = new ServerFixture(null, b -> b.threads(16).maxRequestsPerToken(4)
        .bodyReadTimeout(Duration.ofSeconds(2)).idleTimeout(Duration.ofSeconds(10)))) {
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
          Socket s = new Socket("127.0.0.1", f.server.port());
          s.setSoTimeout(20_000);
          s.getOutputStream().write(("POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + f.tokens.get("analyst") + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
          slow.add(s);
        }
        Thread trickle = new Thread(() -> trickle(slow), "trickle");
        trickle.setDaemon(true);
        trickle.start();
        Thread.sleep(500);

        HttpRequest health = HttpRequest.newBuilder(f.uri("/healthz")).timeout(Duration.ofSeconds(30)).build();
        assertThat(f.http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpRequest decide = HttpRequest.newBuilder(f.uri("/v1/decisions")).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + f.tokens.get("analyst2")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.permitRequest("while-slow"))).build();
        HttpResponse<String> d = f.http.send(decide, HttpResponse.BodyHandlers.ofString());
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.body()).contains("\"decision\":\"PERMIT\"");

        // Every slow client is refused with a problem, none is left hanging: 429 at once, or 408.
        List<Integer> statuses = new ArrayList<>();
        for (Socket s : slow) statuses.add(status(s.getInputStream()));
        trickle.interrupt();
        assertThat(statuses).allMatch(st -> st == 429 || st == 408, "429 or 408");
        assertThat(statuses).contains(429, 408);
      } finally {
        for (Socket s : slow) s.close();
      }
    }
  }

  /** One byte per socket every 250 ms, for at most 30 s. */
  private static void trickle(List<Socket> sockets) {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
      for (Socket s : sockets) {
        try {
          OutputStream out = s.getOutputStream();
          out.write(' ');
          out.flush();
        } catch (Exception closed) {
          // refused and closed by the server: that client is done
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The status code of the response on {@code in}, and a check that it is problem+json. */
  private static int status(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && !head.toString().endsWith("\r\n\r\n")) head.append((char) c);
    String h = head.toString();
    assertThat(h).containsIgnoringCase("content-type: application/problem+json");
    return Integer.parseInt(h.substring(9, 12));
  }
}
