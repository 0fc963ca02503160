package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.caveat.policy.Grant;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Source;
import org.junit.jupiter.api.Test;

/**
 * The built-in packs print their sources' words exactly. The news article the first us-ua
 * versions encode is not shipped whole: {@code quotes/yahoo-biden-secretly-told-ukraine.txt}
 * holds, copied from the article, only the sentences the packs quote, so every quote attributed
 * to it can be checked character for character (curly quotes, commas and all).
 */
class BuiltInQuotesTest {
  static final String ARTICLE_URL = "https://malaysia.news.yahoo.com/biden-secretly-told-ukraine-could-201412205.html";
  static final Path PACKS = Path.of("..", "packs");

  @Test
  void everyQuoteOfTheArticleAppearsInItVerbatim() throws IOException {
    String article = article();
    List<String> checked = new ArrayList<>();
    for (Grant g : PackLoader.load(PACKS)) {
      for (PolicyVersion v : g.versions()) {
        for (Source s : v.sources()) {
          if (!ARTICLE_URL.equals(s.url())) continue;
          assertThat(verbatim(s.quote(), article))
              .as("%s %s source `%s` quotes the article exactly: %s", g.id(), v.version(), s.id(), s.quote())
              .isTrue();
          checked.add(v.version() + "/" + s.id());
        }
      }
    }
    assertThat(checked).contains("2024-05-30/politico-counter-fire", "2024-05-30/politico-limits",
        "2024-05-30/politico-longer-range-unchanged", "2024-05-30/report-only-near-kharkiv",
        "2024-05-30/second-official-close-to-border", "2024-05-30/report-target-groups",
        "2024-05-30/report-used-in-invasion");
  }

  /** The check itself can fail: retyped punctuation or "smart" quotes are not the article's words. */
  @Test
  void aRetypedQuoteIsNotVerbatim() throws IOException {
    String article = article();
    String exact = "preparing to hit them,” a US official said, according to Politico.";
    assertThat(verbatim(exact, article)).isTrue();
    assertThat(verbatim("preparing to hit them.", article)).isFalse();
    assertThat(verbatim("US policy on longer range strikes inside Russia \"has not changed.\"", article)).isFalse();
    assertThat(verbatim("far inside Russia's borders.", article)).isFalse();
    assertThat(verbatim("Biden gave permission [...] close to Kharkiv", article)).isTrue();
    assertThat(verbatim("close to Kharkiv [...] Biden gave permission", article)).isFalse();
  }

  /**
   * A source id cited by several versions of a grant is one document (fixing its outlet or address
   * means fixing it everywhere); a version may quote less of it, but only words the other copy
   * prints too. Attributions may be refined as the record grows.
   */
  @Test
  void aSourceCitedByManyVersionsIsTheSameEverywhere() {
    for (Grant g : PackLoader.load(PACKS)) {
      Map<String, Source> first = new LinkedHashMap<>();
      for (PolicyVersion v : g.versions()) {
        for (Source s : v.sources()) {
          Source earlier = first.putIfAbsent(s.id(), s);
          if (earlier == null) continue;
          assertThat(List.of(s.outlet(), s.date(), String.valueOf(s.url())))
              .as("%s %s source `%s` as in its first version", g.id(), v.version(), s.id())
              .isEqualTo(List.of(earlier.outlet(), earlier.date(), String.valueOf(earlier.url())));
          assertThat(verbatim(s.quote(), earlier.quote()) || verbatim(earlier.quote(), s.quote()))
              .as("%s %s source `%s` quotes the same words as its first version", g.id(), v.version(), s.id())
              .isTrue();
        }
      }
    }
  }

  /** A reader can follow every source: an address, or a reason, and nothing outside the repository. */
  @Test
  void everySourceCanBeFollowedAndNoFileOutsideTheRepositoryIsCited() throws IOException {
    for (Grant g : PackLoader.load(PACKS)) {
      for (PolicyVersion v : g.versions()) {
        for (Source s : v.sources()) {
          assertThat(s.url() != null || s.noUrlReason() != null).as("%s %s `%s`", g.id(), v.version(), s.id()).isTrue();
        }
      }
    }
    try (Stream<Path> files = Files.walk(PACKS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).as("%s", f).doesNotContain("shared/", "seeds/");
      }
    }
  }

  /** Each part of the quote between "[...]" elisions occurs in the text, in order. */
  static boolean verbatim(String quote, String text) {
    int from = 0;
    for (String part : quote.split("\\s*\\[\\.\\.\\.\\]\\s*")) {
      int at = text.indexOf(part, from);
      if (at < 0) return false;
      from = at + part.length();
    }
    return true;
  }

  static String article() throws IOException {
    try (var in = BuiltInQuotesTest.class.getResourceAsStream("/quotes/yahoo-biden-secretly-told-ukraine.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }
  }
}
