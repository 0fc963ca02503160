package org.caveat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caveat.policy.Suggest;

/**
 * The version a caller names — {@code GRANT@VERSION}, {@code GRANT@latest}, or a bare
 * {@code GRANT} with a time — by the one rule of docs/SEMANTICS.md ("Naming a version"), for
 * {@code caveat diff} and the service's grant routes alike:
 *
 * <ul>
 *   <li>a version id names that version; one the grant's reliability filter leaves out is refused
 *       (naming a version does not admit it);
 *   <li>{@code latest} names the newest admitted version, never a newer one the filter left out
 *       (a version id equal to the word wins over it);
 *   <li>a time names the admitted version in force then, as when deciding.
 * </ul>
 *
 * <p>A reference that names nothing is a value ({@link Unresolved}) with a sentence in neutral
 * words; a front end words the failures that concern its own options (the CLI's {@code --as-of}
 * and {@code --reliability}) its own way.
 */
public final class VersionResolver {
  /** The word for the newest admitted version. */
  public static final String LATEST = "latest";

  /** Why a reference names no version. */
  public enum Failure {
    /** Not {@code GRANT} or {@code GRANT@VERSION} (empty parts, a second {@code @}). */
    MALFORMED,
    UNKNOWN_GRANT,
    /** A bare grant and no time to choose its version by. */
    NO_VERSION_NAMED,
    /** No admitted version is in force at the time given. */
    NOT_IN_FORCE,
    UNKNOWN_VERSION,
    /** The version exists but its reliability is not admitted. */
    NOT_ADMITTED,
    /** {@code latest} of a grant none of whose versions is admitted. */
    NONE_ADMITTED
  }

  /** A version found, or why not. */
  public sealed interface Resolution permits Found, Unresolved {}

  public record Found(GrantInfo grant, VersionInfo version) implements Resolution {}

  /**
   * @param grant   the grant, once it was found (null for MALFORMED and UNKNOWN_GRANT)
   * @param version the version named, for NOT_ADMITTED; else null
   * @param known   the grant ids (UNKNOWN_GRANT) or the grant's version ids (UNKNOWN_VERSION) there
   *                are, in order; else empty
   * @param message one sentence in words no front end owns
   */
  public record Unresolved(Failure failure, GrantInfo grant, VersionInfo version, List<String> known,
      String message) implements Resolution {}

  private VersionResolver() {}

  /** {@code GRANT@VERSION}, {@code GRANT@latest}, or a bare {@code GRANT} with {@code asOf} (null: none). */
  public static Resolution resolve(List<GrantInfo> grants, String spec, Instant asOf) {
    int at = spec.indexOf('@');
    String grantId = at < 0 ? spec : spec.substring(0, at);
    String version = at < 0 ? null : spec.substring(at + 1);
    if (grantId.isEmpty() || (version != null && (version.isEmpty() || version.contains("@")))) {
      return new Unresolved(Failure.MALFORMED, null, null, List.of(), "malformed version reference `" + spec
          + "`: expected GRANT@VERSION, e.g. us-ua@2024-05-30");
    }
    GrantInfo grant = grant(grants, grantId);
    if (grant == null) return unknownGrant(grants, grantId);
    if (version != null) return version(grant, version);
    if (asOf != null) return inForce(grant, asOf);
    return new Unresolved(Failure.NO_VERSION_NAMED, grant, null, List.of(), "`" + spec + "` names no version: write "
        + grantId + "@VERSION or " + grantId + "@" + LATEST + ", or give a time");
  }

  /** The grant with this id, or null. */
  public static GrantInfo grant(List<GrantInfo> grants, String id) {
    for (GrantInfo g : grants) if (g.grant().id().equals(id)) return g;
    return null;
  }

  /** The failure for a grant id that {@link #grant} did not find, with a did-you-mean. */
  public static Unresolved unknownGrant(List<GrantInfo> grants, String id) {
    List<String> ids = grants.stream().map(g -> g.grant().id()).toList();
    return new Unresolved(Failure.UNKNOWN_GRANT, null, null, ids,
        "unknown grant `" + id + "`; " + Suggest.didYouMean(id, ids));
  }

  /** A version id of {@code grant}, or {@link #LATEST}. */
  public static Resolution version(GrantInfo grant, String id) {
    List<String> ids = new ArrayList<>();
    for (VersionInfo v : grant.versions()) {
      ids.add(v.policy().version());
      if (!v.policy().version().equals(id)) continue;
      if (!grant.admits(v)) {
        return new Unresolved(Failure.NOT_ADMITTED, grant, v, List.of(), "version " + grant.grant().id() + "@" + id
            + " is " + v.policy().reliability().label() + ", a reliability not admitted");
      }
      return new Found(grant, v);
    }
    if (id.equals(LATEST)) {
      VersionInfo latest = latest(grant);
      return latest != null ? new Found(grant, latest) : new Unresolved(Failure.NONE_ADMITTED, grant, null, List.of(),
          "grant " + grant.grant().id() + " has no version of an admitted reliability");
    }
    return new Unresolved(Failure.UNKNOWN_VERSION, grant, null, List.copyOf(ids), "grant " + grant.grant().id()
        + " has no version `" + id + "`; " + Suggest.didYouMean(id, ids));
  }

  /** The admitted version of {@code grant} in force at {@code time}. */
  public static Resolution inForce(GrantInfo grant, Instant time) {
    VersionInfo v = grant.inForceAt(time);
    return v != null ? new Found(grant, v) : new Unresolved(Failure.NOT_IN_FORCE, grant, null, List.of(), "grant "
        + grant.grant().id() + " has no version in force at " + time + "; its first is "
        + grant.versions().get(0).policy().version());
  }

  /** The newest admitted version (versions are oldest first), or null when none is admitted. */
  public static VersionInfo latest(GrantInfo grant) {
    for (int i = grant.versions().size() - 1; i >= 0; i--) {
      if (grant.admits(grant.versions().get(i))) return grant.versions().get(i);
    }
    return null;
  }
}
