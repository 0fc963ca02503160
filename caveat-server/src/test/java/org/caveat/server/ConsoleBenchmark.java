package org.caveat.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.caveat.Caveat;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Speed of the web console in Chromium, measured with the Navigation Timing, Resource Timing and
 * User Timing APIs (a benchmark that reports, not a test that asserts; it runs only when asked):
 *
 * <pre>
 * ./mvnw -B -o -pl caveat-server -am test -Dtest=ConsoleBenchmark -Dconsole.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Figures go to stdout and target/console-benchmark.txt: first usable map (navigation start to
 * the console's "caveat-ready" mark, cold server then warm), click-to-explain (submit to answer
 * on screen), payload sizes, and 100,000 event markers (load, redraw on pan, click to explain).
 */
@EnabledIfSystemProperty(named = "console.bench", matches = "true")
class ConsoleBenchmark {
  static final int EVENTS = 100_000;
  final List<String> report = new ArrayList<>();

  void say(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    System.out.println(line);
    report.add(line);
  }

  @Test
  void measure() throws Exception {
    Path events = writeEvents(Files.createTempFile("console-bench", ".ndjson"));
    try (ConsoleChromium b = ConsoleChromium.start(); ServerFixture f = new ServerFixture()) {
      WebDriverWait wait = new WebDriverWait(b.driver, java.time.Duration.ofSeconds(300));
      say("machine: %d cores, %s %s, Java %s", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
          System.getProperty("os.arch"), System.getProperty("java.version"));
      say("browser: %s", b.driver.getCapabilities().getBrowserVersion());
      // The sign-in page, then the token into sessionStorage, then the first load of the console itself.
      b.driver.get(f.server.url() + "/");
      b.driver.executeScript("sessionStorage.setItem('caveat.token', arguments[0])", f.tokens.get("us-approver"));
      List<Double> ready = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        b.driver.navigate().refresh();
        wait.until(d -> "true".equals(b.driver.executeScript("return document.body.dataset.ready || ''")));
        ready.add(number(b.driver.executeScript("return performance.getEntriesByName('caveat-ready')[0].startTime")));
      }
      say("first usable map (navigation start → base map, zones, views ready): first load %.0f ms, then median %.0f ms of %d reloads",
          ready.get(0), median(ready.subList(1, ready.size())), ready.size() - 1);
      sizes(b);

      // Click-to-explain: 40 submits at points around the border band (the first ones warm the server up).
      b.driver.findElement(By.id("tab-explain")).click();
      SplittableRandom rnd = new SplittableRandom(7);
      for (int i = 0; i < 40; i++) {
        b.driver.executeScript("document.getElementById('explain-lat').value = arguments[0];"
            + "document.getElementById('explain-lon').value = arguments[1];",
            String.format(Locale.ROOT, "%.4f", 49.5 + rnd.nextDouble() * 2.5), String.format(Locale.ROOT, "%.4f", 35 + rnd.nextDouble() * 4));
        int before = i;
        b.driver.findElement(By.cssSelector("[data-testid='explain-submit']")).click();
        wait.until(d -> number(b.driver.executeScript("return performance.getEntriesByName('caveat-explain').length")) > before);
      }
      @SuppressWarnings("unchecked")
      List<Number> ms = (List<Number>) b.driver.executeScript(
          "return performance.getEntriesByName('caveat-explain').map(e => e.duration)");
      List<Double> warm = ms.subList(10, ms.size()).stream().map(Number::doubleValue).sorted().toList();
      say("click-to-explain (submit → answer on screen, POST /v1/decisions?quotes=true and rendering), last %d of %d: "
          + "median %.1f ms, p90 %.1f ms, max %.1f ms; first %.1f ms", warm.size(), ms.size(), median(warm),
          warm.get((int) Math.floor(warm.size() * 0.9)), warm.get(warm.size() - 1), ms.get(0).doubleValue());

      // 100,000 markers from a replay output file read in the browser (canvas layer).
      b.driver.findElement(By.id("tab-events")).click();
      b.driver.findElement(By.cssSelector("[data-testid='events-file']")).sendKeys(events.toString());
      wait.until(d -> number(b.driver.executeScript("return performance.getEntriesByName('caveat-events-loaded').length")) > 0);
      say("%,d events (replay output, %.1f MB): read, parsed and drawn in %.0f ms; markers shown: %s",
          EVENTS, Files.size(events) / 1048576.0,
          number(b.driver.executeScript("return performance.getEntriesByName('caveat-events-loaded')[0].duration")),
          b.driver.findElement(By.cssSelector("#events-totals caption")).getText());
      b.driver.executeScript("performance.clearMeasures('caveat-markers-redraw')");
      var map = b.driver.findElement(By.cssSelector("[data-testid='map']"));
      for (int i = 0; i < 10; i++) {
        int dx = i % 2 == 0 ? 120 : -120;
        new Actions(b.driver).moveToElement(map).clickAndHold().moveByOffset(dx, 40).release().perform();
      }
      b.driver.executeScript("window.caveat.map.zoomIn(1, {animate: false}); window.caveat.map.zoomOut(1, {animate: false});");
      @SuppressWarnings("unchecked")
      List<Number> redraw = (List<Number>) b.driver.executeScript(
          "return performance.getEntriesByName('caveat-markers-redraw').map(e => e.duration)");
      List<Double> rd = redraw.stream().map(Number::doubleValue).sorted().toList();
      say("100,000 markers, redraw after a pan or zoom (%d redraws): median %.0f ms, max %.0f ms", rd.size(), median(rd),
          rd.get(rd.size() - 1));
      new Actions(b.driver).moveToElement(map).click().perform();
      @SuppressWarnings("unchecked")
      List<Number> pick = (List<Number>) b.driver.executeScript(
          "return performance.getEntriesByName('caveat-markers-pick').map(e => e.duration)");
      say("100,000 markers, hit test of a click: %.1f ms", pick.get(pick.size() - 1).doubleValue());
      say("JS heap after loading them: %.0f MB", number(b.driver.executeScript("return performance.memory ? performance.memory.usedJSHeapSize : 0")) / 1048576);
    } finally {
      Files.deleteIfExists(events);
    }
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "console-benchmark.txt"), report, StandardCharsets.UTF_8);
  }

  /** Resource Timing: the base geography's transfer and the console's own files. */
  void sizes(ConsoleChromium b) {
    @SuppressWarnings("unchecked")
    List<java.util.Map<String, Object>> res = (List<java.util.Map<String, Object>>) b.driver.executeScript(
        "return performance.getEntriesByType('resource').map(e => ({name: e.name, transfer: e.transferSize,"
            + " encoded: e.encodedBodySize, decoded: e.decodedBodySize}))");
    long consoleBytes = 0, leaflet = 0;
    int files = 0;
    for (var r : res) {
      String name = (String) r.get("name");
      long encoded = (long) number(r.get("encoded")), decoded = (long) number(r.get("decoded"));
      if (name.endsWith("/v1/geography")) {
        say("base geography /v1/geography: %,d bytes gzip on the wire (%,d bytes decoded)", encoded, decoded);
      } else if (name.contains("/console/") && (name.endsWith(".js") || name.endsWith(".css"))) {
        consoleBytes += decoded;
        files++;
      } else if (name.contains("/vendor/leaflet/")) {
        leaflet += decoded;
      }
    }
    // Resource Timing reports 0 bytes for files the browser took from its cache (modulepreload,
    // reloads): count what the server serves instead, the built files themselves.
    try (var walk = Files.walk(Path.of("target", "classes", "console"))) {
      List<Path> served = walk.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".css")).toList();
      consoleBytes = 0;
      for (Path p : served) consoleBytes += Files.size(p);
      files = served.size();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    say("console's own JS+CSS: %,d bytes in %d files (uncompressed, as served); Leaflet aside: %,d bytes",
        consoleBytes, files, leaflet);
  }

  /** 100,000 answers of the real engine at random points, as replay output lines with lat/lon/time. */
  static Path writeEvents(Path file) throws Exception {
    Caveat caveat = Caveat.builder().build();
    SplittableRandom rnd = new SplittableRandom(42);
    String[] categories = {"artillery", "troops", "airfield", "energy_infrastructure", "command_post", "unknown"};
    String[] dates = {"2023-03-01", "2024-06-01", "2024-07-01", "2024-12-01", "2025-06-01"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < EVENTS; i++) {
        double lat = 44 + rnd.nextDouble() * 12, lon = 30 + rnd.nextDouble() * 16;
        String time = dates[rnd.nextInt(dates.length)] + "T12:00:00Z";
        String req = String.format(Locale.ROOT, "{\"id\":\"bench-%d\",\"time\":\"%s\",\"user\":\"UA\",\"weapon\":{\"origin\":\"%s\","
            + "\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":%.4f,\"lon\":%.4f},\"category\":\"%s\","
            + "\"activity\":\"attacking\",\"used_in_invasion\":true}}", i, time, rnd.nextInt(10) == 0 ? "FR" : "US", lat, lon,
            categories[rnd.nextInt(categories.length)]);
        JsonNode node = Json.MAPPER.readTree(req);
        String answer = AnswerWriter.toJson(caveat.answer(RequestReader.read(node).request()));
        w.write(answer, 0, answer.length() - 1);
        w.write(String.format(Locale.ROOT, ",\"lat\":%.4f,\"lon\":%.4f,\"time\":\"%s\"}\n", lat, lon, time));
      }
    }
    return file;
  }

  static double number(Object o) {
    return ((Number) o).doubleValue();
  }

  static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    return s.get(s.size() / 2);
  }
}
