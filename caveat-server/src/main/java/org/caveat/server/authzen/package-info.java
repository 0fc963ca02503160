/**
 * The OpenID AuthZEN Authorization API 1.0 over Caveat: subject → user (the state using the
 * weapon), action → the use (the weapon in {@code action.properties}), resource → the target,
 * context → time, purpose and id. {@code decision} is true only for PERMIT; {@code context}
 * carries Caveat's full answer.
 */
package org.caveat.server.authzen;
