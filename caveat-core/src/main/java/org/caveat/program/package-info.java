/**
 * The program {@link org.caveat.decide} runs: a compiled version ({@code CompiledVersion},
 * {@code CompiledRule}, {@code CompiledCondition} with its {@code Conjunct}s, {@code ZoneRef}),
 * its predicate and value nodes ({@code Cond}, {@code Val}, {@code Predicates}, and
 * {@code CelFallback} on cel-java's interpreter), three-valued results packed in a {@code long}
 * ({@code Tri}) and the per-request scratch space ({@code EvalContext}).
 *
 * <p>Imports no front end: nothing from {@code parse}, {@code check} or {@code compile}, no
 * JSON, no explanation code. Nodes are built by {@link org.caveat.compile}; their evaluation is
 * package-private, reached only through {@code CompiledCondition} and {@code Conjunct}.
 */
package org.caveat.program;
