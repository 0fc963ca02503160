/**
 * Lowering: turns a checked policy version into the program {@link org.caveat.program} runs.
 * Zones become prepared geometry ({@code ZoneCompiler}); CEL conditions, once
 * {@link org.caveat.check} has accepted them, become trees of small predicate objects with
 * three-valued (Kleene) logic, so that a condition touching a missing attribute answers
 * "unknown" and names the attribute instead of guessing.
 *
 * <p>Hot paths are specialised here: vocabulary tests become set lookups, and
 * {@code distance_km(p, zone) <= T} becomes a {@link org.caveat.geo.PreparedThreshold}. Anything
 * not specialised runs on cel-java's interpreter ({@link org.caveat.program.CelFallback}).
 *
 * <p>Internal to caveat-core: other modules load packs through {@link org.caveat.Caveat}
 * (caveat-cli's {@code ArchitectureTest}).
 */
package org.caveat.compile;
