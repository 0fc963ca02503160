package org.caveat.server.change;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.ProblemException;
import org.caveat.server.problem.Problems;
import org.caveat.store.ChangeRequest;

/**
 * Whether a proposed version rewrites the past, and the submitter's declared reason when it does.
 *
 * <p>A grant's <b>published history</b> ends at the newest {@code in_force} among the grant's
 * versions in the live engine: its pack versions plus every version published through a change
 * request, whatever their reliability. A version whose {@code in_force} is before that instant is
 * <b>retroactive</b>: it would take the place of a version already in force for dates already past,
 * and change answers about uses already decided. It is refused (409
 * {@code change_request.retroactive}) unless the submission says {@code "retroactive": true} with a
 * {@code "retroactive_reason"}, which the change request records and shows. A grant with no
 * version yet has no history. Publishing checks again, since history may have moved on since
 * submission.
 */
final class Retroactivity {
  static final String CODE = "change_request.retroactive";

  /** What the submission declared: null when it did not say retroactive. */
  record Declared(String reason) {}

  private Retroactivity() {}

  /** {@code "retroactive"} and {@code "retroactive_reason"} of a JSON submission. */
  static Declared fromJson(JsonNode body) {
    JsonNode flag = body.get("retroactive"), reason = body.get("retroactive_reason");
    if (flag != null && !flag.isNull() && !flag.isBoolean()) {
      throw Problems.badRequest("retroactive must be true or false",
          Problem.Error.at("change.invalid", "retroactive", "retroactive must be true or false"));
    }
    if (reason != null && !reason.isNull() && !reason.isTextual()) {
      throw Problems.badRequest("retroactive_reason must be a string",
          Problem.Error.at("change.invalid", "retroactive_reason", "retroactive_reason must be a string"));
    }
    return declared(flag != null && flag.asBoolean(), reason == null || reason.isNull() ? null : reason.asText());
  }

  /** {@code ?retroactive=true&retroactive_reason=…} of a YAML submission. */
  static Declared fromQuery(Context ctx) {
    String flag = ctx.queryParam("retroactive");
    if (flag != null && !flag.equals("true") && !flag.equals("false")) {
      throw Problems.badRequest("retroactive must be true or false, got `" + flag + "`",
          Problem.Error.at("change.invalid", "retroactive", "retroactive must be true or false"));
    }
    return declared("true".equals(flag), ctx.queryParam("retroactive_reason"));
  }

  private static Declared declared(boolean flag, String reason) {
    if (flag && (reason == null || reason.isBlank())) {
      throw Problems.badRequest("retroactive: true needs a retroactive_reason saying why the past should change",
          Problem.Error.at("change.missing", "retroactive_reason", "retroactive_reason is required with retroactive: true"));
    }
    if (!flag && reason != null) {
      throw Problems.badRequest("retroactive_reason is only accepted with retroactive: true",
          Problem.Error.at("change.invalid", "retroactive_reason", "add \"retroactive\": true, or leave the reason out"));
    }
    return flag ? new Declared(reason.strip()) : null;
  }

  /**
   * The reason to record for {@code c}: null when it is not retroactive (and none was declared).
   *
   * @throws ProblemException 409 when retroactive and undeclared; 400 when declared but not retroactive
   */
  static String check(Candidate c, Caveat live, Declared declared) {
    VersionInfo newest = newest(live, c.grant());
    boolean retroactive = newest != null && c.effective().isBefore(newest.policy().inForce());
    if (retroactive && declared == null) {
      throw refusal(c, newest, "");
    }
    if (!retroactive && declared != null) {
      throw Problems.badRequest("version " + c.version() + " is not retroactive: it is in force from " + c.effective()
          + (newest == null ? ", and grant " + c.grant() + " has no published history"
              : ", not before the end of the grant's published history (" + newest.policy().inForce() + ")"),
          Problem.Error.at("change.invalid", "retroactive", "leave retroactive and retroactive_reason out"));
    }
    return declared == null ? null : declared.reason();
  }

  /** At publication: a request accepted as not retroactive must still not be. */
  static void recheck(Candidate c, ChangeRequest cr, Caveat live) {
    if (cr.retroactiveReason() != null) return;
    VersionInfo newest = newest(live, c.grant());
    if (newest != null && c.effective().isBefore(newest.policy().inForce())) {
      throw refusal(c, newest, " (published since " + cr.id() + " was submitted)");
    }
  }

  private static ProblemException refusal(Candidate c, VersionInfo newest, String since) {
    Instant end = newest.policy().inForce();
    String detail = "version " + c.version() + " of " + c.grant() + " would be in force from " + c.effective()
        + ", before the end of the grant's published history: version " + newest.policy().version() + since
        + ", in force from " + end + "; it would change answers about uses already past";
    return new Problem(409, Problem.TYPE_BASE + "retroactive", "Retroactive version", detail,
        java.util.List.of(new Problem.Error(CODE, "in_force", null, null, detail,
            "date it " + end + " or later, or submit it with \"retroactive\": true and a \"retroactive_reason\""
                + " saying why the past should change"))).exception();
  }

  /** The grant's version with the newest in_force in the live engine, or null for a grant it does not know. */
  static VersionInfo newest(Caveat live, String grant) {
    for (GrantInfo g : live.grants()) {
      if (!g.grant().id().equals(grant)) continue;
      VersionInfo newest = null;
      for (VersionInfo v : g.versions()) {
        if (newest == null || v.policy().inForce().isAfter(newest.policy().inForce())) newest = v;
      }
      return newest;
    }
    return null;
  }
}
