/**
 * Compiles a policy version into an executable program: zones into prepared geometry, CEL
 * conditions (parsed and type-checked by cel-java) into trees of small predicate objects with
 * three-valued (Kleene) logic, so that a condition touching a missing attribute answers
 * "unknown" and names the attribute instead of guessing.
 *
 * <p>Hot paths are specialised at compile time: vocabulary tests become set lookups, and
 * {@code distance_km(p, zone) <= T} becomes a prepared {@link org.caveat.geo.ThresholdTest}.
 * Anything the compiler does not specialise runs on cel-java's interpreter.
 */
package org.caveat.compile;
