package org.caveat.server.auth;

import org.caveat.store.Roles;

/**
 * What a route needs of its caller, named by the store's role vocabulary ({@link Roles}, the one
 * definition of the names and what each implies). {@code admin} holds every role; an approver's
 * grantor is checked by the change-request handlers themselves, since it depends on the request's
 * grant.
 */
public enum Role {
  /** No token needed: health, discovery, the OpenAPI document. */
  PUBLIC(null),
  /** Read grants, versions, change requests and the decision log. */
  READER(Roles.READER),
  /** Ask for decisions (native and AuthZEN) and submit change requests. */
  ANALYST(Roles.ANALYST),
  /**
   * Some {@code approver:XX} role, or admin: approve, reject, publish. The handler then checks the
   * grantor of the request's grant; callers holding no approver role are refused before that, so
   * they cannot tell an existing request from a missing one.
   */
  APPROVER(Roles.APPROVER_PREFIX + "<grantor>"),
  /** Everything, including tokens. */
  ADMIN(Roles.ADMIN);

  private final String name;

  Role(String name) {
    this.name = name;
  }

  /** The role name stored with tokens (for APPROVER, its pattern), or null for PUBLIC. */
  public String storedName() {
    return name;
  }
}
