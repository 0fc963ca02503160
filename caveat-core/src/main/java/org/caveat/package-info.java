/**
 * Caveat's public API: {@link org.caveat.Caveat} loads and compiles policy packs once and then
 * decides requests ({@code decide}, {@code answer}, {@code decideAll}).
 *
 * <p>Stages, one package each, with one-way dependencies:
 * {@code geo} and {@code model} → {@code policy} → {@code pack} (front end) and {@code compile}
 * → {@code decide} (runtime) → {@code explain} → {@code json}.
 */
package org.caveat;
