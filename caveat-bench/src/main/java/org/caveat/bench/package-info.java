/**
 * JMH benchmarks of the engine, and the tools of the end-to-end figures (request generators, the
 * Jackson yardstick {@link org.caveat.bench.JacksonPass}, the HTTP load generator
 * {@link org.caveat.bench.HttpLoad}, the libraries' floor {@link org.caveat.bench.LibraryFloor}). Benchmarks report figures (BENCHMARKS.md); they assert nothing.
 * Run: {@code ./mvnw -q -B -DskipTests -pl caveat-bench -am package && java -jar caveat-bench/target/benchmarks.jar}.
 */
package org.caveat.bench;
