package org.caveat.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.caveat.VersionInfo;
import org.caveat.GrantInfo;
import org.caveat.geo.ReferenceGeography;

/**
 * The index: what the record is (and is not), the table "supplier × date × may strike in
 * Russia?", how its answers are derived (the probes, with their points' distances measured on the
 * shipped geography), and the list of grant pages.
 */
final class IndexPage {
  private IndexPage() {}

  static String of(List<GrantInfo> grants, List<List<List<StrikeProbes.WeaponAnswer>>> answers, ReferenceGeography geo) {
    StringBuilder b = new StringBuilder();
    b.append(PackRecord.GENERATED).append("\n\n# The record: caveats on supplied weapons\n\n");
    b.append("What each supplier publicly permitted, version by version, as Caveat's packs encode it: every version "
        + "rests on cited public sources (outlet, date, quote, link) and is read narrowly by default. This record "
        + "says what suppliers said they allowed; it is not advice on any target or use. Regenerate it with `")
        .append(PackRecord.REGENERATE).append("`.\n\n");
    b.append("## May strike in Russia?\n\n");
    b.append("One row per version, from the date it came into force. \"Other weapons\" is the grantor's weapon of a class "
        + "the version does not single out; the last column answers for each weapon class or system the version names "
        + "(see [how the answers are derived](#how-the-answers-are-derived)).\n\n");
    b.append("| supplier | grant | in force from | reliability | other weapons | weapons the version names |\n");
    b.append("| --- | --- | --- | --- | --- | --- |\n");
    for (int g = 0; g < grants.size(); g++) {
      GrantInfo cg = grants.get(g);
      String link = "[" + cg.grant().id() + "](" + cg.grant().id() + ".md)";
      if (cg.versions().isEmpty()) {
        b.append("| ").append(cg.grant().grantor()).append(" | ").append(link).append(" | — | — | unknown (no version) | |\n");
      }
      for (int v = 0; v < cg.versions().size(); v++) {
        VersionInfo cv = cg.versions().get(v);
        List<StrikeProbes.WeaponAnswer> a = answers.get(g).get(v);
        b.append("| ").append(cg.grant().grantor()).append(" | ").append(link).append(" | ").append(day(cv.policy().inForce()))
            .append(" | ").append(cv.policy().reliability().label()).append(" | ").append(Markdown.cell(label(a.get(0))))
            .append(" | ").append(Markdown.cell(answers(a.subList(1, a.size())))).append(" |\n");
      }
    }
    probes(b, geo);
    b.append("\n## Grants\n\n");
    for (GrantInfo cg : grants) {
      b.append("- [").append(cg.grant().id()).append("](").append(cg.grant().id()).append(".md): ")
          .append(cg.grant().grantor()).append(" → ").append(cg.grant().grantee()).append(", ")
          .append(cg.versions().size()).append(cg.versions().size() == 1 ? " version" : " versions").append('\n');
    }
    return b.toString();
  }

  private static void probes(StringBuilder b, ReferenceGeography geo) {
    b.append("\n## How the answers are derived\n\n");
    b.append("`caveat doc packs` decides fixed probe requests with the library, at the instant each version comes into "
        + "force, with every assumption at its default (the narrowest reading of the sources). Each probe is the grantor's "
        + "weapon used by the grantee against a military objective used in the invasion (`target.category` `")
        .append(StrikeProbes.TARGET_CATEGORY).append("`, `target.activity` `").append(StrikeProbes.TARGET_ACTIVITY)
        .append("`, `target.used_in_invasion` true), at two points inside Russia:\n\n");
    b.append("- near the border: ").append(point(geo, StrikeProbes.NEAR_LAT, StrikeProbes.NEAR_LON)).append('\n');
    b.append("- deep inside Russia: ").append(point(geo, StrikeProbes.DEEP_LAT, StrikeProbes.DEEP_LON)).append("\n\n");
    b.append("The weapon is of class `").append(StrikeProbes.GENERIC_CLASS).append("` for \"other weapons\", and of each "
        + "`weapon.class` and each `weapon.system` the version's conditions compare against (a named system with its class "
        + "`unknown`, so it is answered only where the class does not matter). The answer is **yes** when the deep point "
        + "is permitted, **near the border** when only the near point is, **no** when neither is, **unknown** when "
        + "either decision is INDETERMINATE (the attributes it needed are named), and **not covered** when the "
        + "grant's scope leaves that weapon out. Wider readings (`--assume`) can change an answer; the grant pages "
        + "list them.\n");
  }

  private static String point(ReferenceGeography geo, double lat, double lon) {
    String region = geo.region(lat, lon);
    return String.format(Locale.ROOT, "%.2f° N, %.2f° E (%s, %s; %.0f km from the Ukraine–Russia border)",
        lat, lon, region == null ? "no region" : geo.regionName(region), geo.country(lat, lon),
        geo.uaRuBorder().distanceKm(lat, lon));
  }

  static String answers(List<StrikeProbes.WeaponAnswer> answers) {
    StringBuilder b = new StringBuilder();
    for (StrikeProbes.WeaponAnswer a : answers) {
      if (b.length() > 0) b.append("; ");
      b.append(a.weapon()).append(": ").append(label(a));
    }
    return b.toString();
  }

  private static String label(StrikeProbes.WeaponAnswer a) {
    return a.missing().isEmpty() ? a.answer().label : a.answer().label + " (needs " + String.join(", ", a.missing()) + ")";
  }

  static String day(Instant t) {
    return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
