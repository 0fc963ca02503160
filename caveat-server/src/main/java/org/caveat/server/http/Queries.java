package org.caveat.server.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.caveat.policy.Reliability;
import org.caveat.policy.Suggest;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;

/** Query parameters read the way the CLI reads the options they mirror, with problems naming them. */
public final class Queries {
  private Queries() {}

  public static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw Problems.badRequest("query parameter " + name + " is required",
          Problem.Error.at("query.missing", name, name + " is required"));
    }
    return v;
  }

  /** An ISO 8601 instant with offset, or a date read as 00:00 UTC (as {@code --as-of}); null when absent. */
  public static Instant instant(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) return null;
    try {
      return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw Problems.badRequest("query parameter " + name + " `" + v + "` is not an ISO 8601 date (2024-06-01) or"
          + " time with an offset (2024-06-01T03:00:00Z)", Problem.Error.at("query.invalid", name, "not ISO 8601"));
    }
  }

  public static boolean bool(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty() || v.equals("false")) return false;
    if (v.equals("true")) return true;
    throw Problems.badRequest("query parameter " + name + " must be true or false, got `" + v + "`",
        Problem.Error.at("query.invalid", name, "must be true or false"));
  }

  /** {@code reliability=official,reported} (as {@code --reliability}); every reliability when absent. */
  public static Set<Reliability> reliability(Context ctx) {
    String v = ctx.queryParam("reliability");
    if (v == null || v.isBlank()) return EnumSet.allOf(Reliability.class);
    Set<Reliability> out = EnumSet.noneOf(Reliability.class);
    for (String part : v.split(",")) {
      String p = part.strip();
      Reliability r = Arrays.stream(Reliability.values()).filter(x -> x.label().equalsIgnoreCase(p)).findFirst()
          .orElseThrow(() -> Problems.badRequest("unknown reliability `" + p + "`; "
              + Suggest.didYouMean(p, Arrays.stream(Reliability.values()).map(Reliability::label).toList()),
              Problem.Error.at("query.invalid", "reliability", "official, reported or disputed")));
      out.add(r);
    }
    // Only commas (`reliability=,`): split leaves no part, and an empty set is not "every reliability".
    if (out.isEmpty()) {
      throw Problems.badRequest("query parameter reliability `" + v + "` names no reliability",
          Problem.Error.at("query.invalid", "reliability", "official, reported or disputed"));
    }
    return out;
  }
}
