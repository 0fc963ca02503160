/**
 * Caveat's public API: {@link org.caveat.Caveat} loads and compiles policy packs once and then
 * decides requests ({@code decide}, {@code answer}, {@code decideAll}).
 *
 * <p>Stages, one package each, with one-way dependencies (enforced by {@code ArchitectureTest}):
 * {@code parse} (pack YAML into the {@code policy} model) → {@code check} (CEL parse and type
 * check, vocabularies) → {@code compile} (lowering) → {@code program} (what runs) ← {@code decide}
 * (the runtime) → {@code explain} → {@code json}; {@code geo} and {@code model} underneath.
 */
package org.caveat;
