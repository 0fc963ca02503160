/**
 * The runtime: decides a request against compiled grants exactly as docs/SEMANTICS.md says — applicable
 * grants, the version in force, forbid-overrides within a version (forbidden and not-permitted
 * kept apart), unknown only where a missing attribute could change the outcome, and
 * deny-overrides across grants. Imports no front end, I/O or explanation code.
 *
 * <p>Other modules use only the verdict types ({@code Decision}, {@code Outcome}, {@code Basis});
 * {@code CompiledGrant}, {@code GrantDecision}, {@code Decider} are internal to caveat-core.
 */
package org.caveat.decide;
