package org.caveat.store;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.caveat.policy.Suggest;

/**
 * The role vocabulary and what each role implies, in one place.
 *
 * <ul>
 *   <li>{@code reader}: read grants, versions, change requests, the log head and proofs;
 *   <li>{@code analyst}: ask for decisions (implies {@code reader});
 *   <li>{@code approver:XX}: approve or reject change requests of grants whose grantor is the
 *       two-letter code {@code XX} (implies {@code reader});
 *   <li>{@code admin}: everything.
 * </ul>
 */
public final class Roles {

  public static final String READER = "reader";
  public static final String ANALYST = "analyst";
  public static final String ADMIN = "admin";
  public static final String APPROVER_PREFIX = "approver:";

  private static final List<String> PLAIN = List.of(READER, ANALYST, ADMIN);
  private static final Pattern GRANTOR = Pattern.compile("[A-Z]{2}");

  private Roles() {}

  /** The approver role for a grantor code, e.g. {@code approver:US}. */
  public static String approver(String grantor) {
    return validate(APPROVER_PREFIX + grantor);
  }

  /**
   * Returns the role if it is one of the vocabulary.
   *
   * @throws IllegalArgumentException naming the bad role and the closest valid spelling
   */
  public static String validate(String role) {
    if (role == null || role.isBlank()) {
      throw new IllegalArgumentException("empty role; roles are " + vocabulary());
    }
    if (PLAIN.contains(role)) {
      return role;
    }
    if (role.startsWith(APPROVER_PREFIX)) {
      String grantor = role.substring(APPROVER_PREFIX.length());
      if (GRANTOR.matcher(grantor).matches()) {
        return role;
      }
      String upper = grantor.strip().toUpperCase(Locale.ROOT);
      String hint = GRANTOR.matcher(upper).matches()
          ? "did you mean `" + APPROVER_PREFIX + upper + "`?"
          : "the grantor is a two-letter upper-case country code, e.g. approver:US";
      throw new IllegalArgumentException("unknown role `" + role + "`: " + hint);
    }
    String lower = role.strip().toLowerCase(Locale.ROOT);
    if (PLAIN.contains(lower)) {
      throw new IllegalArgumentException("unknown role `" + role + "`: did you mean `" + lower + "`?");
    }
    if (lower.startsWith("approver")) {
      throw new IllegalArgumentException("unknown role `" + role
          + "`: approver roles name a grantor, e.g. approver:US");
    }
    String close = Suggest.closest(lower, PLAIN);
    String hint = close != null ? "did you mean `" + close + "`?" : "roles are " + vocabulary();
    throw new IllegalArgumentException("unknown role `" + role + "`: " + hint);
  }

  /** Validates every role; the set must not be empty. */
  public static Set<String> validateAll(Collection<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one role; roles are " + vocabulary());
    }
    return Set.copyOf(roles.stream().map(Roles::validate).toList());
  }

  /** Whether holding {@code held} lets one act as {@code wanted}. */
  public static boolean grants(Collection<String> held, String wanted) {
    if (held.contains(ADMIN) || held.contains(wanted)) {
      return true;
    }
    if (READER.equals(wanted)) {
      return held.stream().anyMatch(r -> r.equals(ANALYST) || r.startsWith(APPROVER_PREFIX));
    }
    return false;
  }

  /** Whether holding {@code held} lets one approve for some grantor: an {@code approver:XX} role, or admin. */
  public static boolean approvesSome(Collection<String> held) {
    return held.stream().anyMatch(r -> r.equals(ADMIN) || r.startsWith(APPROVER_PREFIX));
  }

  private static String vocabulary() {
    return "reader, analyst, admin, approver:<grantor> (e.g. approver:US)";
  }
}
