/**
 * The runtime: decides a request against compiled grants exactly as docs/SEMANTICS.md says — applicable
 * grants, the version in force, forbid-overrides within a version (forbidden and not-permitted
 * kept apart), unknown only where a missing attribute could change the outcome, and
 * deny-overrides across grants — and {@link org.caveat.decide.VersionResolver}, the one rule for
 * naming a version ({@code GRANT@VERSION}, {@code @latest}, a time). Imports no front end, I/O or
 * explanation code.
 */
package org.caveat.decide;
