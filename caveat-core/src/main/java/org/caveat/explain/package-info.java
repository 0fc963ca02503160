/**
 * Explanations: turns a {@link org.caveat.decide.Decision} into an {@link Answer} — determining
 * rules with their sources, the geographic facts of the target, the missing attributes, and
 * for a denial by not-permitted the closest permit rule with its first failing part and the
 * margin. Separate from deciding so the hot path stays lean.
 */
package org.caveat.explain;
