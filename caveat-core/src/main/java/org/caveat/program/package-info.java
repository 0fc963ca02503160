/**
 * The program {@link org.caveat.decide} runs: a compiled version ({@code CompiledVersion},
 * {@code CompiledRule}, {@code CompiledCondition} with its {@code Conjunct}s, {@code ZoneRef}),
 * its predicate and value nodes ({@code Cond}, {@code Val}, {@code Predicates}, and
 * {@code CelFallback} on cel-java's interpreter), three-valued results packed in a {@code long}
 * ({@code Tri}), the per-request scratch space ({@code EvalContext}), and the classes of values a
 * version's rules cannot tell apart, which case analysis tries once each ({@code SplitDomains},
 * found by {@code LiteralTests}).
 *
 * <p>Imports no front end: nothing from {@code parse}, {@code check} or {@code compile}, no
 * JSON, no explanation code. Nodes are built by {@link org.caveat.compile}; their evaluation is
 * package-private, reached only through {@code CompiledCondition} and {@code Conjunct}.
 *
 * <p>Internal to caveat-core: the node classes are public only because {@code compile} builds
 * them from another package. Other modules must not use this package (caveat-cli's
 * {@code ArchitectureTest}); they read {@link org.caveat.VersionInfo} instead.
 */
package org.caveat.program;
