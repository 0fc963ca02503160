/**
 * Change requests over HTTP: a proposed version is validated by building the engine with it,
 * its impact is measured against every request in the decision log (the flip list), and it is
 * approved or rejected by someone other than its author who holds {@code approver:<grantor>},
 * then published, which swaps the live engine. The store records every step with who and when.
 */
package org.caveat.server.change;
