package org.caveat.record;

import java.util.ArrayList;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.VersionInfo;
import org.caveat.GrantInfo;
import org.caveat.decide.Decision;
import org.caveat.decide.GrantDecision;
import org.caveat.decide.Outcome;
import org.caveat.model.Attribute;
import org.caveat.model.Request;

/**
 * The fixed probe requests behind the index's "may strike in Russia?" column, decided with the
 * packs' default (narrowest) readings at the instant a version comes into force. Each probe is the
 * same use at two points inside Russia: a military objective used in the invasion (artillery,
 * attacking), near the border north of Kharkiv and deep inside Russia. The weapon is the grantor's,
 * of class {@code other} (a weapon the version does not single out), or of each class and each
 * system the version names ({@link NamedWeapons}; a named system is probed with its class
 * {@code unknown}, so it is answered only where its class does not matter).
 */
final class StrikeProbes {
  /** Just inside Russia (Kursk oblast, about 20 km from Ukraine), within the packs' Kharkiv and border bands. */
  static final double NEAR_LAT = 51.10, NEAR_LON = 35.60;
  /** Deep inside Russia, several hundred kilometres from Ukraine. */
  static final double DEEP_LAT = 53.00, DEEP_LON = 41.00;
  static final String TARGET_CATEGORY = "artillery";
  static final String TARGET_ACTIVITY = "attacking";
  static final String GENERIC_CLASS = "other";

  private StrikeProbes() {}

  /** What the two points say together, as the index writes it. */
  enum Answer {
    YES("yes"), NEAR_BORDER("near the border"), NO("no"), UNKNOWN("unknown"), NOT_COVERED("not covered");

    final String label;

    Answer(String label) {
      this.label = label;
    }
  }

  /** One weapon's answer: {@code weapon} as the index names it, and what was missing when unknown. */
  record WeaponAnswer(String weapon, Answer answer, List<String> missing) {}

  /** The generic weapon first, then each named class, then each named system. */
  static List<WeaponAnswer> answers(Caveat caveat, GrantInfo g, VersionInfo v) {
    NamedWeapons named = NamedWeapons.of(v.policy());
    List<WeaponAnswer> out = new ArrayList<>();
    out.add(answer(caveat, g, v, "other weapons", GENERIC_CLASS, null));
    for (String c : named.classes()) out.add(answer(caveat, g, v, "weapon.class " + c, c, null));
    for (String s : named.systems()) out.add(answer(caveat, g, v, "weapon.system " + s, "unknown", s));
    return out;
  }

  private static WeaponAnswer answer(Caveat caveat, GrantInfo g, VersionInfo v, String name, String cls, String system) {
    GrantDecision near = decide(caveat, g, v, cls, system, NEAR_LAT, NEAR_LON);
    GrantDecision deep = decide(caveat, g, v, cls, system, DEEP_LAT, DEEP_LON);
    Answer a;
    if (near == null || deep == null) {
      a = Answer.NOT_COVERED;
    } else if (near.outcome() == Outcome.INDETERMINATE || deep.outcome() == Outcome.INDETERMINATE) {
      a = Answer.UNKNOWN;
    } else if (deep.outcome() == Outcome.PERMIT) {
      a = Answer.YES;
    } else {
      a = near.outcome() == Outcome.PERMIT ? Answer.NEAR_BORDER : Answer.NO;
    }
    List<String> missing = new ArrayList<>();
    if (a == Answer.UNKNOWN) {
      long bits = near.missing() | deep.missing();
      for (Attribute at : Attribute.values()) if ((bits & at.bit()) != 0) missing.add(at.celName());
    }
    return new WeaponAnswer(name, a, List.copyOf(missing));
  }

  /** This grant's decision on the probe at the version's in-force instant; null when its scope leaves the weapon out. */
  private static GrantDecision decide(Caveat caveat, GrantInfo g, VersionInfo v, String cls, String system,
      double lat, double lon) {
    Request r = Request.builder().id("probe").time(v.policy().inForce()).user(g.grant().grantee())
        .weaponOrigin(g.grant().grantor()).weaponClass(cls).weaponSystem(system)
        .targetLocation(lat, lon).targetCategory(TARGET_CATEGORY).targetActivity(TARGET_ACTIVITY)
        .targetUsedInInvasion(true).build();
    Decision d = caveat.decide(r);
    for (GrantDecision gd : d.grants()) if (gd.grant().grant().id().equals(g.grant().id())) return gd;
    return null;
  }
}
