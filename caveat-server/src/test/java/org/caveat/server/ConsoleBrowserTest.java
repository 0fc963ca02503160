package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.diff.FlipList;
import org.caveat.diff.PermittedArea;
import org.caveat.explain.Numbers;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium against a real server (SQLite store): every
 * scenario of the console's "tested in a real browser" list, in order, one browser for all, a
 * screenshot of each step under target/console-screenshots. Explicit waits only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  static ServerFixture f;
  static ConsoleChromium b;
  static WebDriverWait wait;
  static String explainedRequest;

  @BeforeAll
  @Timeout(value = 11, unit = TimeUnit.MINUTES)
  static void start() throws Exception {
    b = ConsoleChromium.start();
    f = new ServerFixture();
    wait = new WebDriverWait(b.driver, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() throws Exception {
    if (b != null) b.close();
    if (f != null) f.close();
  }

  static WebElement $(String testid) {
    return b.driver.findElement(By.cssSelector("[data-testid='" + testid + "']"));
  }

  static List<WebElement> all(String testid) {
    return b.driver.findElements(By.cssSelector("[data-testid='" + testid + "']"));
  }

  static Object js(String script, Object... args) {
    return b.driver.executeScript(script, args);
  }

  static void signIn(String who) {
    b.driver.get(f.server.url() + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='signin-token']")));
    $("signin-token").sendKeys(f.tokens.get(who));
    $("signin-submit").click();
    wait.until(d -> "true".equals(js("return document.body.dataset.ready || ''")));
  }

  static void tab(String name) {
    b.driver.findElement(By.id("tab-" + name)).click();
  }

  /** Moves the slider to a date (its value is days since 1970-01-01) as a drag that ends there. */
  static void slideTo(String date) {
    js("const s = arguments[0]; s.value = String(arguments[1]);"
        + "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));",
        $("version-slider"), LocalDate.parse(date).toEpochDay());
  }

  /** The version in force at a date, from the API's timeline. */
  static String versionAt(String date) throws Exception {
    JsonNode t = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/timeline", "reader").body());
    String found = "";
    for (JsonNode v : t.path("grants").get(0).path("versions")) {
      if (v.path("in_force").asText().compareTo(date) <= 0) found = v.path("version").asText();
    }
    return found;
  }

  static TreeSet<String> zonesOf(String version) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    if (version.isEmpty()) return out;
    JsonNode fc = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/versions/" + version + "/zones", "reader").body());
    for (JsonNode ft : fc.path("features")) out.add(ft.path("properties").path("zone").asText());
    return out;
  }

  @SuppressWarnings("unchecked")
  static TreeSet<String> drawnZones() {
    return new TreeSet<>((List<String>) js("return [...document.querySelectorAll('[data-testid=zone]')].map(p => p.dataset.zone)"));
  }

  static void waitForZones(String version) {
    wait.until(d -> version.equals($("version-label").getAttribute("data-version"))
        && version.equals($("map").getAttribute("data-zones-version")));
  }

  @Test
  @Order(1)
  void signInShowsTheZonesInForceWithoutErrorsOrOtherOrigins() throws Exception {
    b.driver.get(f.server.url() + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='signin-token']")));
    b.screenshot("signin");
    signIn("us-approver");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String inForce = versionAt(today);
    waitForZones(inForce);
    assertThat(drawnZones()).isEqualTo(zonesOf(inForce)).isNotEmpty();
    assertThat($("version-label").getText()).contains("us-ua " + inForce);
    assertThat(b.driver.findElement(By.id("who-roles")).getText()).contains("approver:US", "analyst");
    b.screenshot("signed-in-map");
    assertThat(b.consoleErrors()).as("console errors").isEmpty();
    String origin = f.server.url();
    List<String> urls = b.requestedUrls();
    // Network requests (http, https, ws, wss) all go to the server; chromedriver's own start page
    // (chrome://…) and data: URLs are not requests to an origin.
    assertThat(urls).as("requests").anyMatch(u -> u.startsWith(origin + "/v1/geography"))
        .filteredOn(u -> u.matches("(?i)^(https?|wss?|ftp):.*"))
        .allSatisfy(u -> assertThat(u).startsWith(origin + "/"));
  }

  @Test
  @Order(2)
  void theSliderChangesTheVersionAndTheZones() throws Exception {
    List<TreeSet<String>> seen = new ArrayList<>();
    for (String date : List.of("2023-03-01", "2024-06-01", "2024-11-20")) {
      String v = versionAt(date);
      slideTo(date);
      waitForZones(v);
      assertThat($("version-label").getText()).as(date).startsWith("us-ua " + v);
      assertThat(drawnZones()).as(date).isEqualTo(zonesOf(v));
      seen.add(drawnZones());
      b.screenshot("as-of-" + date);
    }
    assertThat(List.of(versionAt("2023-03-01"), versionAt("2024-06-01"), versionAt("2024-11-20")))
        .containsExactly("2022-06-01", "2024-05-30", "2024-11-17");
    assertThat(seen).doesNotHaveDuplicates();
  }

  @Test
  @Order(3)
  void clickToExplainTheCounterFirePointIsThePermitOfTheApi() throws Exception {
    slideTo("2024-06-01");
    waitForZones("2024-05-30");
    tab("explain");
    // Click the map where 50.59 N, 36.58 E is drawn: the form is filled with that point.
    WebElement map = $("map");
    @SuppressWarnings("unchecked")
    var p = (java.util.Map<String, Number>) js("const p = window.caveat.map.latLngToContainerPoint([50.59, 36.58]);"
        + "return {x: p.x, y: p.y};");
    int dx = (int) Math.round(p.get("x").doubleValue() - map.getSize().getWidth() / 2.0);
    int dy = (int) Math.round(p.get("y").doubleValue() - map.getSize().getHeight() / 2.0);
    new Actions(b.driver).moveToElement(map, dx, dy).click().perform();
    wait.until(d -> !$("explain-lat").getAttribute("value").isEmpty());
    assertThat(Double.parseDouble($("explain-lat").getAttribute("value"))).isCloseTo(50.59, org.assertj.core.data.Offset.offset(0.02));
    assertThat(Double.parseDouble($("explain-lon").getAttribute("value"))).isCloseTo(36.58, org.assertj.core.data.Offset.offset(0.02));
    type("explain-lat", "50.59");
    type("explain-lon", "36.58");
    assertThat(new Select(b.driver.findElement(By.id("explain-category"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("artillery");
    $("explain-submit").click();
    wait.until(d -> !all("verdict").isEmpty());
    assertThat($("verdict").getText()).isEqualTo("PERMIT");
    assertThat(all("rule")).extracting(e -> e.getAttribute("data-rule")).containsExactly("kharkiv-counter-fire");
    assertThat(all("source-quote")).isNotEmpty().allSatisfy(q -> assertThat(q.getText()).isNotBlank());
    b.screenshot("explain-permit");
    // Byte for byte the answer of POST /v1/decisions for the request the console sent.
    explainedRequest = (String) js("return document.getElementById('explain-request').textContent");
    String shown = (String) js("return document.getElementById('explain-answer').textContent");
    assertThat(Json.MAPPER.readTree(explainedRequest).path("time").asText()).startsWith("2024-06-01");
    var api = f.postJson("/v1/decisions?quotes=true", "analyst", explainedRequest);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(shown).isEqualTo(api.body());
  }

  @Test
  @Order(4)
  void logVerifyOfTheDecisionMatches() throws Exception {
    WebElement button = b.driver.findElement(By.cssSelector("#explain-result .verify button"));
    button.click();
    wait.until(d -> $("log-verify-result").getText().contains("matches") || $("log-verify-result").getText().contains("match:"));
    assertThat($("log-verify-result").getText()).startsWith("✓ matches");
    b.screenshot("log-verify");
  }

  @Test
  @Order(5)
  void aNarrowerKharkivBandInTheFormTurnsTheCounterFirePermitIntoADeny() throws Exception {
    // The form still holds the counter-fire point at 2024-06-01; its what-if fieldset has one
    // control per assumption of us-ua 2024-05-30, prefilled with the pack's values.
    By band = By.cssSelector("[data-testid='assumption-input'][data-name='kharkiv_band_depth_km']");
    wait.until(d -> !d.findElements(band).isEmpty());
    assertThat(all("assumption-input")).extracting(e -> e.getAttribute("data-name"))
        .containsExactly("bombers_include_any_aircraft", "massing_includes_armored_vehicles",
            "inbound_missiles_any_heading", "kharkiv_band_depth_km", "far_inside_russia_km");
    // a boolean assumption is a checkbox, unticked by the pack's default
    WebElement bombers = b.driver.findElement(
        By.cssSelector("[data-testid='assumption-input'][data-name='bombers_include_any_aircraft']"));
    assertThat(bombers.getAttribute("type")).isEqualTo("checkbox");
    assertThat(bombers.isSelected()).isFalse();
    WebElement depth = b.driver.findElement(band);
    assertThat(depth.getAttribute("type")).isEqualTo("number");
    assertThat(Double.parseDouble(depth.getAttribute("value"))).isEqualTo(100.0);
    String label = b.driver.findElement(By.cssSelector("label[for='" + depth.getAttribute("id") + "']")).getText();
    assertThat(label).contains("kharkiv_band_depth_km", "km");
    type("explain-lat", "50.59");
    type("explain-lon", "36.58");
    depth.clear();
    depth.sendKeys("20");
    js("document.getElementById('explain-whatif').scrollIntoView({block: 'start'})");
    b.screenshot("explain-what-if-form");
    $("explain-submit").click();
    wait.until(d -> !all("verdict").isEmpty() && !$("verdict").getText().equals("PERMIT"));
    assertThat($("verdict").getText()).startsWith("DENY");
    JsonNode answer = Json.MAPPER.readTree((String) js("return document.getElementById('explain-answer').textContent"));
    // Only the changed assumption was sent; the answer says so, and the console says it is logged.
    assertThat(answer.path("assumed").toString()).isEqualTo("{\"kharkiv_band_depth_km\":\"20\"}");
    assertThat(b.driver.findElement(By.cssSelector("#explain-result .whatif")).getText())
        .contains("kharkiv_band_depth_km=20", "same engine", "logged");
    b.screenshot("explain-what-if-band-20");
    // Back to the pack's value: nothing is overridden and the answer is the PERMIT again.
    depth.clear();
    depth.sendKeys("100");
    $("explain-submit").click();
    wait.until(d -> "PERMIT".equals($("verdict").getText()));
    assertThat(Json.MAPPER.readTree((String) js("return document.getElementById('explain-answer').textContent")).has("assumed")).isFalse();
  }

  @Test
  @Order(6)
  void aPointFarInsideRussiaIsForbiddenWithTheClosestFailure() throws Exception {
    type("explain-lat", "51.8");
    type("explain-lon", "39.4");
    String before = $("verdict").getText();
    $("explain-submit").click();
    wait.until(d -> !all("verdict").isEmpty() && !before.equals($("verdict").getText()));
    assertThat($("verdict").getText()).isEqualTo("DENY (forbidden)");
    assertThat($("closest-failure").isDisplayed()).isTrue();
    assertThat($("closest-failure").getText()).contains("far-inside-russia", "205.7");
    assertThat(all("rule")).extracting(e -> e.getAttribute("data-rule")).containsExactly("far-inside-russia");
    b.screenshot("explain-deny-forbidden");
  }

  @Test
  @Order(7)
  void compareGainedAreaIsWhatCaveatDiffPrints() throws Exception {
    tab("compare");
    new Select(b.driver.findElement(By.id("compare-from"))).selectByValue("2024-05-30");
    new Select(b.driver.findElement(By.id("compare-to"))).selectByValue("2024-06-18");
    b.driver.findElement(By.id("compare-submit")).click();
    wait.until(d -> !all("compare-gained-km2").isEmpty());
    // caveat diff us-ua@2024-05-30 us-ua@2024-06-18 --permitted-area, computed as the CLI does.
    Caveat caveat = Caveat.builder().build();
    GrantInfo g = caveat.grants().stream().filter(x -> x.grant().id().equals("us-ua")).findFirst().orElseThrow();
    FlipList.Side from = side(caveat, g, "2024-05-30"), to = side(caveat, g, "2024-06-18");
    PermittedArea.Result r = PermittedArea.compare(from, to, true, PermittedArea.defaultProbe(from, to), "RU",
        PermittedArea.NEAR_UKRAINE, caveat.geography());
    assertThat(number($("compare-gained-km2").getText())).isEqualByComparingTo(BigDecimal.valueOf(Numbers.round(r.gainedKm2(), 1)));
    assertThat(number($("compare-lost-km2").getText())).isEqualByComparingTo(BigDecimal.valueOf(Numbers.round(r.lostKm2(), 1)));
    assertThat(b.driver.findElement(By.id("compare-result")).getText()).contains("border-counter-fire", "kharkiv-counter-fire");
    b.screenshot("compare");
  }

  static FlipList.Side side(Caveat caveat, GrantInfo g, String version) {
    for (VersionInfo v : g.versions()) if (v.policy().version().equals(version)) return FlipList.Side.of(caveat, g, v);
    throw new AssertionError("no version " + version);
  }

  static BigDecimal number(String shown) {
    return new BigDecimal(shown.replace(",", "").replace(" ", "").trim());
  }

  @Test
  @Order(8)
  void eventsOfTheReplayExampleAreOneMarkerPerDecidedRow() throws Exception {
    tab("events");
    Path csv = ConsoleChromium.repoFile("examples/replay/synthetic-300.csv");
    long decided = Files.readAllLines(ConsoleChromium.repoFile("examples/replay/synthetic-300.decisions.ndjson")).stream()
        .filter(l -> l.contains("\"decision\":")).count();
    $("events-file").sendKeys(csv.toAbsolutePath().toString());
    wait.until(d -> b.driver.findElement(By.id("events-progress")).getText().contains("rows in"));
    assertThat(all("event-marker")).hasSize((int) decided);
    assertThat(decided).isEqualTo(268);
    b.screenshot("events");
    // Unticking DENY removes the DENY markers and keeps the totals of the others.
    String denies = b.driver.findElement(By.cssSelector("#events-totals td[data-verdict=DENY]")).getText();
    b.driver.findElement(By.cssSelector(".verdict-filter input[data-verdict=DENY]")).click();
    wait.until(d -> all("event-marker").size() == decided - Long.parseLong(denies));
    // A marker not covered by another one, clicked where it is drawn.
    WebElement free = (WebElement) js("return [...document.querySelectorAll('[data-testid=event-marker]')].find(m => {"
        + " const r = m.getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === m; })");
    assertThat(free).isNotNull();
    free.click();
    wait.until(d -> !all("verdict").isEmpty() && b.driver.findElement(By.id("explain-result")).getText().contains("Event "));
    b.screenshot("event-explained");
  }

  @Test
  @Order(9)
  void theDateRangeFilterFollowsTheEventDates() throws Exception {
    // All verdicts shown again, then only the events of 2025 and later.
    tab("events");
    b.driver.findElement(By.cssSelector(".verdict-filter input[data-verdict=DENY]")).click();
    List<String> rows = Files.readAllLines(ConsoleChromium.repoFile("examples/replay/synthetic-300.csv"));
    List<String> decidedDates = new ArrayList<>();
    for (String l : Files.readAllLines(ConsoleChromium.repoFile("examples/replay/synthetic-300.decisions.ndjson"))) {
      JsonNode o = Json.MAPPER.readTree(l);
      if (o.has("decision")) decidedDates.add(rows.get(o.path("line").asInt() - 1).split(",", 3)[1]);
    }
    wait.until(d -> all("event-marker").size() == decidedDates.size());
    assertThat(b.driver.findElement(By.id("events-from")).isEnabled()).isTrue();
    long from2025 = decidedDates.stream().filter(d -> d.compareTo("2025-01-01") >= 0).count();
    assertThat(from2025).isBetween(1L, (long) decidedDates.size() - 1);
    setDate("events-from", "2025-01-01");
    wait.until(d -> all("event-marker").size() == from2025);
    assertThat(totals()).isEqualTo(from2025);
    b.screenshot("events-from-2025");
    long inMarch2024 = decidedDates.stream().filter(d -> d.startsWith("2024-03")).count();
    setDate("events-from", "2024-03-01");
    setDate("events-to", "2024-03-31");
    wait.until(d -> all("event-marker").size() == inMarch2024);
    assertThat(totals()).isEqualTo(inMarch2024);
    setDate("events-from", "");
    setDate("events-to", "");
    wait.until(d -> all("event-marker").size() == decidedDates.size());
  }

  static void setDate(String id, String date) {
    js("const i = document.getElementById(arguments[0]); i.value = arguments[1];"
        + "i.dispatchEvent(new Event('change', {bubbles: true}));", id, date);
  }

  /** The sum of the totals per verdict. */
  static long totals() {
    long n = 0;
    for (WebElement td : b.driver.findElements(By.cssSelector("#events-totals td[data-verdict]"))) n += Long.parseLong(td.getText());
    return n;
  }

  @Test
  @Order(10)
  void fourEyesOneSubmitsTheOtherApproves() throws Exception {
    tab("changes");
    String yaml = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/versions/latest", "reader").body()).path("yaml").asText();
    String latest = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/versions/latest", "reader").body()).path("version").asText();
    String candidate = yaml.replace("version: \"" + latest + "\"", "version: \"2030-01-01\"")
        .replaceFirst("(?m)^in_force: .*$", "in_force: 2030-01-01");
    assertThat(candidate).contains("version: \"2030-01-01\"", "in_force: 2030-01-01");
    js("const t = document.getElementById('cr-yaml'); t.value = arguments[0];"
        + "t.dispatchEvent(new Event('input', {bubbles: true}));", candidate);
    b.driver.findElement(By.id("cr-submit")).click();
    wait.until(d -> !all("change-request").isEmpty());
    wait.until(d -> b.driver.findElement(By.id("cr-detail")).getText().contains("four-eyes"));
    assertThat(all("approve")).as("the author sees no approve button").isEmpty();
    assertThat(all("reject")).isEmpty();
    String id = all("change-request").get(0).getAttribute("data-id");
    assertThat(f.post("/v1/change-requests/" + id + "/approve", "us-approver", null, "").statusCode()).isEqualTo(403);
    b.screenshot("change-request-author");
    b.driver.findElement(By.id("signout")).click();
    signIn("us-approver2");
    tab("changes");
    wait.until(d -> !all("change-request").isEmpty());
    all("change-request").get(0).findElement(By.tagName("button")).click();
    wait.until(d -> !all("approve").isEmpty());
    $("approve").click();
    wait.until(d -> b.driver.findElement(By.id("cr-detail")).getText().contains("APPROVED"));
    assertThat(b.driver.findElement(By.cssSelector("#cr-detail .history")).getText()).contains("us-approver2", "us-approver");
    b.screenshot("change-request-approved");
  }

  @Test
  @Order(11)
  void tabletWidthKeepsTheMapAndThePanel() throws Exception {
    b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
    wait.until(d -> $("map").getSize().getWidth() > 700);
    assertThat(b.driver.findElement(By.id("panel")).getLocation().getY()).isGreaterThan($("map").getLocation().getY());
    b.screenshot("tablet");
    assertThat(b.consoleErrors()).isEmpty();
  }

  @Test
  @Order(12)
  void allGrantsShowsTheOverviewOfTheApiAndALineSelectsItsGrantAsOfItsDate() throws Exception {
    tab("timeline");
    $("timeline-scope-all").click();
    JsonNode o = Json.MAPPER.readTree(f.get("/v1/timeline", "reader").body());
    wait.until(d -> all("timeline-overview-version").size() == o.path("versions").asInt());
    assertThat($("timeline-scope-all").getAttribute("aria-pressed")).isEqualTo("true");
    List<String> grants = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (JsonNode g : o.path("grants")) {
      grants.add(g.path("grant").asText());
      for (JsonNode v : g.path("versions")) {
        lines.add(g.path("grant").asText() + " " + v.path("in_force").asText() + " — " + v.path("title").asText()
            + " " + v.path("reliability").asText());
      }
    }
    assertThat(grants).contains("us-ua", "gb-ua");
    assertThat(all("timeline-overview-grant")).extracting(e -> e.getAttribute("data-grant")).containsExactlyElementsOf(grants);
    assertThat(all("timeline-overview-version"))
        .extracting(e -> e.getAttribute("data-grant") + " " + e.findElement(By.tagName("button")).getText() + " "
            + e.findElement(By.className("badge")).getText())
        .containsExactlyElementsOf(lines);
    b.screenshot("timeline-overview");
    WebElement gb = b.driver.findElement(By.cssSelector(
        "[data-testid='timeline-overview-version'][data-grant='gb-ua'][data-version='2024-05-02'] button"));
    gb.click();
    wait.until(d -> "gb-ua 2024-05-02".equals(new Select(b.driver.findElement(By.id("grant-select"))).getFirstSelectedOption()
        .getAttribute("value") + " " + $("version-label").getAttribute("data-version")));
    assertThat($("timeline-scope-grant").getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(all("timeline-overview")).isEmpty();
    assertThat(b.driver.findElement(By.cssSelector(".tl-version.current")).getAttribute("data-version")).isEqualTo("2024-05-02");
    assertThat(b.consoleErrors()).as("console errors").isEmpty();
  }

  static void type(String testid, String value) {
    WebElement e = $(testid);
    e.clear();
    e.sendKeys(value);
  }
}
