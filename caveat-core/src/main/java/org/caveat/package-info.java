/**
 * Caveat's public API: {@link org.caveat.Caveat} loads and compiles policy packs once and then
 * decides requests ({@code decide}, {@code answer}, {@code decideAll}).
 *
 * <p>Stages, one package each, with one-way dependencies (enforced by {@code ArchitectureTest}):
 * {@code parse} (pack YAML into the {@code policy} model) → {@code check} (CEL parse and type
 * check, vocabularies) → {@code compile} (lowering) → {@code program} (what runs) ← {@code decide}
 * (the runtime) → {@code explain} → {@code json}; {@code geo} and {@code model} underneath.
 *
 * <h2>The public surface</h2>
 *
 * What other modules may use (caveat-cli's {@code ArchitectureTest} fails the build otherwise):
 * <ul>
 *   <li>{@code org.caveat}: {@code Caveat} and its builder; {@code GrantInfo} and
 *       {@code VersionInfo}, the descriptions {@code Caveat.grants()} returns; {@code VersionResolver},
 *       the one rule for {@code GRANT@VERSION}, {@code @latest} and a time;
 *   <li>{@code model}: the request and its vocabularies;
 *   <li>{@code explain}: {@code Answer} and {@code Numbers}; of {@code decide}, the verdict types
 *       {@code Decision} (with {@code Decision.GrantVerdict}), {@code Outcome}, {@code Basis};
 *   <li>{@code policy}: the pack model the descriptions carry, {@code Diagnostic}, {@code Span},
 *       {@code PolicyException}, {@code Setting}, {@code Suggest};
 *   <li>{@code json}: reading requests and writing answers; {@code geo}: the reference geography
 *       and zone geometry, for maps;
 *   <li>the tools: {@code diff}, {@code timeline}, {@code packtest} (with
 *       {@code parse.PackTestCase}, the case it reports on), {@code batch}.
 * </ul>
 *
 * <p>Internal, whatever Java's visibility says: {@code parse}, {@code check}, {@code compile},
 * {@code program}, the rest of {@code decide}, {@code explain.Explainer}, and
 * {@code Caveat.compiledGrants()} (for {@code diff}, which decides with one version alone). Their
 * classes are public only because the next stage, in another package, builds or runs them.
 */
package org.caveat;
