package org.caveat.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven over the DevTools protocol: loads a page and reports its DOM,
 * the value of an expression, every script error (uncaught exceptions, console.error, browser
 * log errors) and every URL the page requested. Every wait is bounded by the deadline given at
 * start; {@link #close()} kills the browser.
 */
final class HeadlessChromium implements AutoCloseable {
  /** What a page load produced. */
  record Page(String dom, JsonNode value, List<String> errors, List<String> requests) {}

  private final Process process;
  private final Path profile;
  private final long deadline;
  private final DevToolsSocket devtools;
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
  /** The tab being loaded: events of other tabs are ignored. */
  private volatile String session;

  private HeadlessChromium(Process process, Path profile, long deadline, String url) throws Exception {
    this.process = process;
    this.profile = profile;
    this.deadline = deadline;
    this.devtools = new DevToolsSocket(url, this::remaining, this::event);
  }

  /** Starts the browser; gives up (and kills it) when the DevTools endpoint is not up in time. */
  static HeadlessChromium start(Path binary, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path profile = Files.createTempDirectory("caveat-chromium");
    Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
        "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
    try {
      // Chromium writes the port it chose and the browser's WebSocket path to this file.
      Path portFile = profile.resolve("DevToolsActivePort");
      while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (!p.isAlive()) throw new IllegalStateException("chromium exited: " + log(profile));
        if (System.nanoTime() > deadline) throw new IllegalStateException("chromium did not start: " + log(profile));
        Thread.sleep(50);
      }
      List<String> lines = Files.readAllLines(portFile);
      return new HeadlessChromium(p, profile, deadline, "ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
    } catch (Exception e) {
      p.destroyForcibly();
      deleteTree(profile);
      throw e;
    }
  }

  /**
   * Loads a file in a new tab, waits until it has loaded, then evaluates {@code expression}.
   * Errors and requests are those of this tab only. One page at a time.
   */
  synchronized Page load(Path file, String expression) throws Exception {
    errors.clear();
    requests.clear();
    String target = devtools.call("Target.createTarget", obj().put("url", "about:blank"), null)
        .path("targetId").asText();
    session = devtools.call("Target.attachToTarget", obj().put("targetId", target).put("flatten", true), null)
        .path("sessionId").asText();
    for (String domain : List.of("Runtime", "Log", "Network", "Page")) devtools.call(domain + ".enable", obj(), session);
    loaded = new CompletableFuture<>();
    devtools.call("Page.navigate", obj().put("url", file.toUri().toString()), session);
    loaded.get(remaining().toMillis(), TimeUnit.MILLISECONDS);
    // A load event of the blank tab may arrive late; wait until the file itself has loaded.
    String want = "complete " + file.toUri();
    while (!evaluate("document.readyState + ' ' + location.href", session).asText().equals(want)) Thread.sleep(20);
    String dom = evaluate("document.documentElement.outerHTML", session).asText();
    JsonNode value = evaluate(expression, session);
    return new Page(dom, value, List.copyOf(errors), List.copyOf(requests));
  }

  private JsonNode evaluate(String expression, String session) throws Exception {
    JsonNode r = devtools.call("Runtime.evaluate", obj().put("expression", expression).put("returnByValue", true),
        session);
    if (r.has("exceptionDetails")) throw new IllegalStateException("evaluation failed: " + r.get("exceptionDetails"));
    return r.path("result").path("value");
  }

  /** Events of interest: load, script errors, console errors, log errors, requests. */
  private void event(JsonNode m) {
    if (m.has("sessionId") && !m.path("sessionId").asText().equals(session)) return;
    JsonNode p = m.path("params");
    switch (m.path("method").asText()) {
      case "Page.loadEventFired" -> loaded.complete(null);
      case "Runtime.exceptionThrown" -> {
        JsonNode d = p.path("exceptionDetails");
        errors.add("uncaught: " + d.path("exception").path("description").asText(d.path("text").asText()));
      }
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("assert")) errors.add("console." + type + ": " + p.path("args"));
      }
      case "Log.entryAdded" -> {
        JsonNode e = p.path("entry");
        if (e.path("level").asText().equals("error")) errors.add("log: " + e.path("text").asText() + " " + e.path("url"));
      }
      case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
      case "devtools.unreadable" -> errors.add("devtools: unreadable message " + m.path("text").asText());
      default -> { }
    }
  }

  private Duration remaining() {
    long left = deadline - System.nanoTime();
    if (left <= 0) throw new IllegalStateException("chromium: timed out");
    return Duration.ofNanos(left);
  }

  private static ObjectNode obj() {
    return DevToolsSocket.JSON.createObjectNode();
  }

  @Override
  public void close() throws Exception {
    try {
      devtools.close();
    } finally {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      deleteTree(profile);
    }
  }

  private static String log(Path profile) {
    try {
      return Files.readString(profile.resolve("chromium.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /**
   * Best effort: Chromium's helper processes may outlive the main one for a moment and still
   * create or remove files in the profile while it is walked (a vanished file surfaces as an
   * UncheckedIOException from the walk), so a few passes are tried and what is left is left.
   */
  private static void deleteTree(Path dir) {
    for (int pass = 0; pass < 3 && Files.exists(dir); pass++) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
