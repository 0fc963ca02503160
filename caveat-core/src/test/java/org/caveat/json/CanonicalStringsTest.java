package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.caveat.model.Attribute;
import org.junit.jupiter.api.Test;

/** Finding a vocabulary word or a country code from characters answers as {@code Set.contains} and the alpha-2 rule do. */
class CanonicalStringsTest {
  @Test
  void everyWordIsFoundAsItself() {
    for (Attribute a : Attribute.values()) {
      if (a.vocabulary() == null) continue;
      CanonicalStrings table = new CanonicalStrings(a.vocabulary());
      for (String word : a.vocabulary()) {
        char[] padded = ("xx" + word + "yy").toCharArray();
        assertThat(table.find(padded, 2, word.length())).isSameAs(word);
      }
    }
  }

  @Property(tries = 2000)
  void findsExactlyTheMembers(@ForAll @StringLength(max = 30) String text) {
    for (Set<String> vocabulary : List.of(Attribute.TARGET_CATEGORY.vocabulary(), Attribute.PURPOSE.vocabulary())) {
      String found = new CanonicalStrings(vocabulary).find(text.toCharArray(), 0, text.length());
      assertThat(found).isEqualTo(vocabulary.contains(text) ? text : null);
    }
    // near misses of real words: one character changed, cut or added
    for (String word : Attribute.TARGET_CATEGORY.vocabulary()) {
      String miss = word.substring(0, word.length() - 1) + (text.isEmpty() ? "" : text.substring(0, 1));
      String found = new CanonicalStrings(Attribute.TARGET_CATEGORY.vocabulary()).find(miss.toCharArray(), 0, miss.length());
      assertThat(found).isEqualTo(Attribute.TARGET_CATEGORY.vocabulary().contains(miss) ? miss : null);
    }
  }

  @Property(tries = 2000)
  void alpha2IsTwoCapitalLetters(@ForAll @StringLength(max = 3) String text) {
    String found = CanonicalStrings.alpha2(text.toCharArray(), 0, text.length());
    boolean alpha2 = text.length() == 2 && text.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    assertThat(found).isEqualTo(alpha2 ? text : null);
    if (alpha2) assertThat(CanonicalStrings.alpha2(text.toCharArray(), 0, 2)).isSameAs(found);
  }
}
