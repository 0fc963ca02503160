/**
 * The policy the service decides with: the live engine (packs plus published versions, swapped
 * atomically on publish) and the read-only views of grants, versions, timelines and diffs, which
 * reuse caveat-core's {@code org.caveat.timeline} and {@code org.caveat.diff}.
 */
package org.caveat.server.policy;
