package org.caveat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.caveat.json.AnswerWriter;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;
import org.caveat.model.Vocabulary;
import org.caveat.parse.PackTestCase;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Reliability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine read back from the compiled-pack cache answers byte for byte like one compiled from
 * the packs: over every case of the built-in packs' tests (with their overrides) and thousands of
 * generated requests for every grant; and whatever is wrong with the cache (damaged, truncated,
 * another key, packs changed) only means compiling again, while a pack with an error is still
 * refused whole and never cached.
 */
class CompiledPackCacheTest {
  /** A cache in memory that counts what passes through it. */
  static class MemoryCache implements CompiledPackCache {
    final Map<String, byte[]> entries = new HashMap<>();
    int reads, hits, writes;
    String build = "test-build";

    @Override
    public String build() {
      return build;
    }

    @Override
    public byte[] read(String key) {
      reads++;
      byte[] b = entries.get(key);
      if (b != null) hits++;
      return b;
    }

    @Override
    public void write(String key, byte[] bytes) {
      writes++;
      entries.put(key, bytes);
    }
  }

  @TempDir
  Path temp;

  @Test
  void cachedEnginesAnswerTheBuiltInPackTestCasesByteForByteLikeCompiledOnes() {
    MemoryCache cache = new MemoryCache();
    Map<Map<String, String>, Caveat[]> engines = new HashMap<>();
    int compared = 0;
    for (PackTestCase c : BuiltInPackTestsTest.cases()) {
      Caveat[] pair = engines.computeIfAbsent(c.assume(), a -> {
        Caveat.Builder compiled = Caveat.builder().packs(BuiltInPackTestsTest.PACKS);
        a.forEach(compiled::assume);
        Caveat.Builder first = Caveat.builder().packs(BuiltInPackTestsTest.PACKS).cache(cache);
        a.forEach(first::assume);
        first.build();
        Caveat.Builder second = Caveat.builder().packs(BuiltInPackTestsTest.PACKS).cache(cache);
        a.forEach(second::assume);
        return new Caveat[] {compiled.build(), second.build()};
      });
      Request r = RequestReader.read(c.request()).request();
      assertThat(AnswerWriter.toJson(pair[1].answer(r), true))
          .as(c.at() + " " + c.name()).isEqualTo(AnswerWriter.toJson(pair[0].answer(r), true));
      compared++;
    }
    assertThat(compared).isGreaterThan(100);
    // Each set of overrides compiled and stored once, then read back once.
    assertThat(cache.writes).isEqualTo(engines.size());
    assertThat(cache.hits).isEqualTo(engines.size());
  }

  @Test
  void cachedBuiltInEngineAnswersGeneratedRequestsLikeACompiledOne() {
    MemoryCache cache = new MemoryCache();
    Caveat compiled = Caveat.builder().build();
    Caveat.builder().cache(cache).build();
    Caveat cached = Caveat.builder().cache(cache).build();
    assertThat(cache.hits).isEqualTo(1);
    for (Request r : requests(4000, 7)) {
      assertThat(AnswerWriter.toJson(cached.answer(r), true)).isEqualTo(AnswerWriter.toJson(compiled.answer(r), true));
      assertThat(cached.decide(r).outcome()).isEqualTo(compiled.decide(r).outcome());
    }
    assertThat(cached.grants()).hasSameSizeAs(compiled.grants());
    for (int i = 0; i < compiled.grants().size(); i++) {
      GrantInfo a = compiled.grants().get(i), b = cached.grants().get(i);
      assertThat(b.grant().id()).isEqualTo(a.grant().id());
      assertThat(b.versions()).hasSameSizeAs(a.versions());
      for (int j = 0; j < a.versions().size(); j++) {
        var va = a.versions().get(j).policy();
        var vb = b.versions().get(j).policy();
        assertThat(vb.rules()).extracting(x -> x.id() + x.when() + x.text() + x.at() + x.whenMap().at(1, 3))
            .isEqualTo(va.rules().stream().map(x -> x.id() + x.when() + x.text() + x.at() + x.whenMap().at(1, 3)).toList());
        assertThat(vb.sources()).isEqualTo(va.sources());
        assertThat(vb.assumptions()).isEqualTo(va.assumptions());
        assertThat(vb.contentHash()).isEqualTo(va.contentHash());
        assertThat(b.versions().get(j).zones().keySet()).isEqualTo(a.versions().get(j).zones().keySet());
        for (var z : a.versions().get(j).zones().entrySet()) {
          // Rebuilt when first used, to the same geometry.
          var rebuilt = b.versions().get(j).zones().get(z.getKey());
          assertThat(rebuilt.isArea()).isEqualTo(z.getValue().isArea());
          assertThat(rebuilt.geometry().equalsExact(z.getValue().geometry())).as(z.getKey()).isTrue();
        }
      }
    }
  }

  @Test
  void theReliabilityFilterAppliesToACachedEngine() {
    MemoryCache cache = new MemoryCache();
    Set<Reliability> official = EnumSet.of(Reliability.OFFICIAL);
    Caveat compiled = Caveat.builder().reliability(official).build();
    Caveat.builder().cache(cache).build();
    Caveat cached = Caveat.builder().cache(cache).reliability(official).build();
    assertThat(cache.hits).isEqualTo(1);
    for (Request r : requests(500, 11)) {
      assertThat(AnswerWriter.toJson(cached.answer(r))).isEqualTo(AnswerWriter.toJson(compiled.answer(r)));
    }
  }

  @Test
  void damagedTruncatedOrForeignEntriesAreReadAsAbsentAndCompiledAgain() {
    MemoryCache cache = new MemoryCache();
    Caveat compiled = Caveat.builder().build();
    Caveat.builder().cache(cache).build();
    byte[] good = cache.entries.values().iterator().next();
    List<Request> requests = requests(200, 3);
    List<byte[]> bad = new ArrayList<>();
    for (int at : new int[] {0, 40, good.length / 2, good.length - 1}) {
      byte[] flipped = good.clone();
      flipped[at] ^= 0x10;
      bad.add(flipped);
    }
    bad.add(java.util.Arrays.copyOf(good, good.length / 3));
    bad.add(new byte[0]);
    bad.add(good);
    for (int i = 0; i < bad.size(); i++) {
      byte[] stored = bad.get(i);
      // Every read finds these bytes; the last is a good entry, but of another build's key.
      MemoryCache other = new MemoryCache() {
        @Override
        public byte[] read(String k) {
          return stored;
        }
      };
      if (i == bad.size() - 1) other.build = "another-build";
      Caveat engine = Caveat.builder().cache(other).build();
      assertThat(other.writes).as("entry " + i + " rewritten").isEqualTo(1);
      for (Request r : requests) {
        assertThat(AnswerWriter.toJson(engine.answer(r))).isEqualTo(AnswerWriter.toJson(compiled.answer(r)));
      }
    }
  }

  /** Bytes changed and sealed again with a correct digest: decoding stops or succeeds, the build never fails. */
  @Test
  void mutatedEntriesWithAValidDigestNeverBreakTheBuild() throws Exception {
    MemoryCache cache = new MemoryCache();
    Caveat.builder().cache(cache).build();
    byte[] good = cache.entries.values().iterator().next();
    Random rnd = new Random(5);
    for (int i = 0; i < 40; i++) {
      byte[] body = java.util.Arrays.copyOf(good, good.length - 32);
      body[rnd.nextInt(body.length)] = (byte) rnd.nextInt(256);
      byte[] sealed = java.util.Arrays.copyOf(body, good.length);
      System.arraycopy(java.security.MessageDigest.getInstance("SHA-256").digest(body), 0, sealed, body.length, 32);
      MemoryCache forged = new MemoryCache() {
        @Override
        public byte[] read(String k) {
          return sealed;
        }
      };
      assertThat(Caveat.builder().cache(forged).build().grants()).isNotEmpty();
    }
  }

  @Test
  void aChangedPackFileOrOverrideIsANewKeyAndABadPackIsRefusedWholeAndNeverCached() throws IOException {
    Path packs = copy(BuiltInPackTestsTest.PACKS.resolve("us-ua"), temp.resolve("us-ua"));
    MemoryCache cache = new MemoryCache();
    Caveat.builder().packs(packs).cache(cache).build();
    Caveat.builder().packs(packs).cache(cache).assume("kharkiv_band_depth_km", "40").build();
    assertThat(cache.entries).hasSize(2);

    Path file = packs.resolve("2024-05-30.yaml");
    Files.writeString(file, Files.readString(file).replace("kharkiv-counter-fire", "kharkiv-counter-fire-2"));
    Caveat changed = Caveat.builder().packs(packs).cache(cache).build();
    assertThat(cache.entries).hasSize(3);
    assertThat(cache.hits).isZero();
    assertThat(changed.grants().get(0).versions().stream()
        .flatMap(v -> v.policy().rules().stream()).map(r -> r.id())).contains("kharkiv-counter-fire-2");

    Files.writeString(file, Files.readString(file).replace("effect: permit", "effect: permitt"));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Caveat.builder().packs(packs).cache(cache).build()).isInstanceOf(PolicyException.class);
    }
    assertThat(cache.entries).hasSize(3);
  }

  /**
   * Conditions the compiler leaves to cel-java's interpreter (a timestamp, a string function, an
   * {@code ||} over a zone distance and an assumption) travel as checked ASTs and answer the same.
   */
  @Test
  void conditionsInterpretedByCelAnswerTheSameFromTheCache() throws IOException {
    Path packs = copy(BuiltInPackTestsTest.PACKS.resolve("us-ua"), temp.resolve("fallback/us-ua"));
    Path file = packs.resolve("2024-05-30.yaml");
    String original = Files.readString(file);
    String edited = original.replace("      && target.used_in_invasion == true\n",
        "      && target.used_in_invasion == true\n"
            + "      && time >= timestamp(\"2024-06-01T00:00:00Z\")\n"
            + "      && (distance_km(target.location, zones.kharkiv_border) * 2.0 <= assume.kharkiv_band_depth_km"
            + " || weapon.class.startsWith(\"rocket\"))\n");
    assertThat(edited).isNotEqualTo(original);
    Files.writeString(file, edited);
    MemoryCache cache = new MemoryCache();
    Caveat compiled = Caveat.builder().packs(packs).build();
    Caveat.builder().packs(packs).cache(cache).build();
    Caveat cached = Caveat.builder().packs(packs).cache(cache).build();
    assertThat(cache.hits).isEqualTo(1);
    List<Request> near = new ArrayList<>(requests(1000, 13));
    Random rnd = new Random(17);
    for (int i = 0; i < 400; i++) {
      // Just over the Kharkiv border, where the edited rule decides; before and after its timestamp.
      near.add(Request.builder().id("near-" + i).user("UA").weaponOrigin("US")
          .time(Instant.parse("2024-05-31T00:00:00Z").plusSeconds(rnd.nextInt(5 * 86400)))
          .weaponClass(rnd.nextBoolean() ? "rocket_artillery" : "cruise_missile")
          .targetLocation(50.3 + rnd.nextDouble() * 0.6, 36.2 + rnd.nextDouble() * 1.2)
          .targetCategory("artillery").targetActivity("attacking").targetUsedInInvasion(true).build());
    }
    int permits = 0;
    for (Request r : near) {
      String expected = AnswerWriter.toJson(compiled.answer(r), true);
      assertThat(AnswerWriter.toJson(cached.answer(r), true)).isEqualTo(expected);
      if (expected.contains("\"determining\":[\"kharkiv-counter-fire\"]")) permits++;
    }
    assertThat(permits).isPositive();
  }

  /**
   * An engine that drops overrides no version defines is never cached, so a later build that
   * refuses them cannot read it back and succeed where it must fail.
   */
  @Test
  void anEngineIgnoringUndefinedOverridesIsNeitherCachedNorReadBack() {
    MemoryCache cache = new MemoryCache();
    Caveat.builder().assume("no_such_assumption", "1").ignoreUndefinedAssumptions().cache(cache).build();
    assertThat(cache.writes).isZero();
    assertThat(cache.reads).isZero();
    assertThatThrownBy(() -> Caveat.builder().assume("no_such_assumption", "1").cache(cache).build())
        .isInstanceOf(PolicyException.class).hasMessageContaining("assumption.unknown");
  }

  /** A cached condition's source map gives the reader's span at every position, inside the text and past it. */
  @Test
  void sourceMapsOfCachedVersionsAreTheReadersAtEveryPosition() {
    MemoryCache cache = new MemoryCache();
    Caveat compiled = Caveat.builder().build();
    Caveat.builder().cache(cache).build();
    Caveat cached = Caveat.builder().cache(cache).build();
    for (int g = 0; g < compiled.grants().size(); g++) {
      for (int v = 0; v < compiled.grants().get(g).versions().size(); v++) {
        var a = compiled.grants().get(g).versions().get(v).policy();
        var b = cached.grants().get(g).versions().get(v).policy();
        for (int line = 0; line <= 8; line++) {
          for (int column = -1; column <= 120; column += 3) {
            assertThat(b.scopeMap().at(line, column)).isEqualTo(a.scopeMap().at(line, column));
            for (int r = 0; r < a.rules().size(); r++) {
              assertThat(b.rules().get(r).whenMap().at(line, column)).isEqualTo(a.rules().get(r).whenMap().at(line, column));
            }
          }
        }
      }
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    return to;
  }

  /** Requests for every grantor, at times across every version, anywhere around Ukraine and Russia, some attributes missing or unknown. */
  static List<Request> requests(int n, long seed) {
    Random rnd = new Random(seed);
    String[] origins = {"US", "GB", "FR", "DE", "BE", "CA", "CZ", "DK", "FI", "IT", "LV", "NL", "NO", "PL", "SE", "XX"};
    List<String> classes = List.copyOf(Vocabulary.WEAPON_CLASS);
    List<String> categories = List.copyOf(Vocabulary.TARGET_CATEGORY);
    List<String> activities = List.copyOf(Vocabulary.TARGET_ACTIVITY);
    List<String> purposes = List.copyOf(Vocabulary.PURPOSE);
    Instant from = Instant.parse("2022-01-01T00:00:00Z");
    long span = Instant.parse("2026-06-01T00:00:00Z").getEpochSecond() - from.getEpochSecond();
    List<Request> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Request.Builder b = Request.builder().id("gen-" + i)
          .time(from.plusSeconds((long) (rnd.nextDouble() * span)))
          .user(rnd.nextInt(30) == 0 ? "PL" : "UA")
          .weaponOrigin(origins[rnd.nextInt(origins.length)])
          .targetLocation(44 + rnd.nextDouble() * 13, 22 + rnd.nextDouble() * 22);
      b.weaponClass(classes.get(rnd.nextInt(classes.size())));
      if (rnd.nextInt(3) != 0) b.weaponRangeKm(rnd.nextDouble() * 400);
      b.targetCategory(categories.get(rnd.nextInt(categories.size())));
      b.targetActivity(activities.get(rnd.nextInt(activities.size())));
      if (rnd.nextInt(6) != 0) b.targetUsedInInvasion(rnd.nextBoolean());
      if (rnd.nextInt(3) != 0) b.purpose(purposes.get(rnd.nextInt(purposes.size())));
      if (rnd.nextInt(5) == 0) b.weaponSystem(rnd.nextBoolean() ? "Storm Shadow" : "ATACMS");
      out.add(b.build());
    }
    return out;
  }
}
