/**
 * Change requests over HTTP: a proposed version is validated by building the engine with it
 * (which also refuses a scope reaching another grantor's weapons), refused if it rewrites the
 * grant's published history without a declared reason ({@link org.caveat.server.change.Retroactivity}),
 * its impact is measured against every request in the decision log (the flip list), and it is
 * approved or rejected by a person other than its author's who holds {@code approver:<grantor>},
 * then published, which swaps the live engine. The store records every step with who and when.
 */
package org.caveat.server.change;
