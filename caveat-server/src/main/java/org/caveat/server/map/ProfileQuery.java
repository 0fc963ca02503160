package org.caveat.server.map;

import io.javalin.http.Context;
import java.util.Set;
import org.caveat.diff.PermittedArea;
import org.caveat.model.Vocabulary;
import org.caveat.policy.Suggest;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;

/**
 * The use profile of the permitted-area and compare routes from query parameters
 * ({@code purpose}, {@code weapon_class}, {@code target_category}, {@code target_activity},
 * {@code used_in_invasion=true|false|unknown}); each parameter left out takes the value of
 * {@link PermittedArea.Profile#COUNTER_FIRE}, the probe of {@code caveat diff --permitted-area}.
 */
final class ProfileQuery {
  private ProfileQuery() {}

  static PermittedArea.Profile read(Context ctx) {
    PermittedArea.Profile d = PermittedArea.Profile.COUNTER_FIRE;
    return new PermittedArea.Profile(
        word(ctx, "purpose", Vocabulary.PURPOSE, d.purpose()),
        word(ctx, "weapon_class", Vocabulary.WEAPON_CLASS, d.weaponClass()),
        word(ctx, "target_category", Vocabulary.TARGET_CATEGORY, d.targetCategory()),
        word(ctx, "target_activity", Vocabulary.TARGET_ACTIVITY, d.targetActivity()),
        usedInInvasion(ctx, d.usedInInvasion()));
  }

  private static String word(Context ctx, String name, Set<String> vocabulary, String fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) return fallback;
    if (vocabulary.contains(v)) return v;
    throw Problems.badRequest("query parameter " + name + ": unknown value `" + v + "`; "
        + Suggest.didYouMean(v, vocabulary), new Problem.Error("vocabulary.unknown", name, null, null,
        "`" + v + "` is not one of " + String.join(", ", vocabulary), Suggest.didYouMean(v, vocabulary)));
  }

  private static Boolean usedInInvasion(Context ctx, Boolean fallback) {
    String v = ctx.queryParam("used_in_invasion");
    if (v == null || v.isEmpty()) return fallback;
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      case Vocabulary.UNKNOWN -> null;
      default -> throw Problems.badRequest("query parameter used_in_invasion must be true, false or unknown, got `"
          + v + "`", Problem.Error.at("query.invalid", "used_in_invasion", "true, false or unknown"));
    };
  }

  /** The profile as the answer echoes it. */
  static String label(Boolean usedInInvasion) {
    return usedInInvasion == null ? Vocabulary.UNKNOWN : usedInInvasion.toString();
  }
}
