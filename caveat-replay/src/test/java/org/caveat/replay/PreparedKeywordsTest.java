package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keyword rewrite keeps meaning: only alone-standing runs of || are merged. */
class PreparedKeywordsTest {
  @Test
  void testsBecomeVariablesAndAloneStandingRunsMerge() {
    PreparedKeywords k = new PreparedKeywords();
    String out = k.rewrite("row.notes.contains(\"A\") || row.notes.contains('B') ? \"x\" : \"y\"");
    assertThat(out).isEqualTo("caveat_kw_2 ? \"x\" : \"y\"");
    assertThat(k.variables().get(2)).extracting(PreparedKeywords.Keyword::literal).containsExactly("A", "B");
  }

  @Test
  void runsNextToTighterOperatorsAreLeftAlone() {
    PreparedKeywords k = new PreparedKeywords();
    String text = "row.actor1.contains(\"U\") && row.notes.contains(\"A\") || row.notes.contains(\"B\")";
    assertThat(k.rewrite(text)).isEqualTo("caveat_kw_0 && caveat_kw_1 || caveat_kw_2");
    assertThat(k.rewrite("!row.notes.contains(\"A\") || row.notes.contains(\"B\")"))
        .isEqualTo("!caveat_kw_1 || caveat_kw_2");
  }

  @Test
  void escapedLiteralsAndUnknownColumnsRunAsWritten() {
    PreparedKeywords k = new PreparedKeywords();
    assertThat(k.rewrite("row.notes.contains(\"a\\\"b\")")).isEqualTo("row.notes.contains(\"a\\\"b\")");
    assertThat(k.rewrite("row.nope.contains(\"a\")")).isEqualTo("row.nope.contains(\"a\")");
  }

  @Test
  void aChainOfKeywordConditionsOverLiteralsBecomesOneChoice() {
    PreparedKeywords k = new PreparedKeywords();
    String out = k.rewrite("row.notes.contains(\"A\") || row.notes.contains(\"B\") ? \"ab\"\n"
        + " : row.notes.contains(\"C\") ? \"c ? : x\" : \"none\"");
    PreparedKeywords.Choice c = PreparedKeywords.stringChoice(out);
    assertThat(c).isNotNull();
    Object[] tests = k.variables().toArray();
    PreparedKeywords.Keyword[][] byVariable = java.util.Arrays.copyOf(tests, tests.length, PreparedKeywords.Keyword[][].class);
    assertThat(c.pick(byVariable, notes("has B and C"))).isEqualTo("ab");
    assertThat(c.pick(byVariable, notes("only C"))).isEqualTo("c ? : x");
    assertThat(c.pick(byVariable, notes("nothing"))).isEqualTo("none");
  }

  @Test
  void anythingElseStaysWithCel() {
    assertThat(PreparedKeywords.stringChoice("caveat_kw_0 ? row.notes : \"x\"")).isNull();
    assertThat(PreparedKeywords.stringChoice("caveat_kw_0 && caveat_kw_1 ? \"a\" : \"b\"")).isNull();
    assertThat(PreparedKeywords.stringChoice("caveat_kw_0 ? \"a\\n\" : \"b\"")).isNull();
    assertThat(PreparedKeywords.stringChoice("\"only a literal\"")).isNull();
    assertThat(PreparedKeywords.stringChoice("caveat_kw_0 ? \"a\" : \"b\" + \"c\"")).isNull();
    assertThat(PreparedKeywords.single(" caveat_kw_12 ")).isEqualTo(12);
    assertThat(PreparedKeywords.single("!caveat_kw_12")).isNull();
  }

  private static String[] notes(String text) {
    String[] row = new String[AcledColumns.NAMES.size()];
    java.util.Arrays.fill(row, "");
    row[AcledColumns.NAMES.indexOf("notes")] = text;
    return row;
  }

  @Test
  void aMappingGivesTheSameValuesWithAndWithoutTheRewrite() {
    String[] row = new String[AcledColumns.NAMES.size()];
    java.util.Arrays.fill(row, "");
    row[AcledColumns.EVENT_DATE] = "2024-06-01";
    row[AcledColumns.LATITUDE] = "50.45";
    row[AcledColumns.LONGITUDE] = "36.41";
    row[AcledColumns.NAMES.indexOf("actor1")] = "Military Forces of Ukraine (2019-)";
    row[AcledColumns.NAMES.indexOf("notes")] = "struck an electrical substation with Storm Shadow missiles";
    var r = Replays.MAPPING.apply(row, null).request();
    assertThat(r.targetCategory()).isEqualTo("energy_infrastructure");
    assertThat(r.weaponOrigin()).isEqualTo("GB");
    assertThat(r.targetActivity()).isEqualTo("unknown");
    assertThat(r.targetUsedInInvasion()).isNull();
  }
}
