/**
 * JMH benchmarks of the engine. Benchmarks report figures (BENCHMARKS.md); they assert nothing.
 * Run: {@code ./mvnw -q -B -DskipTests -pl caveat-bench -am package && java -jar caveat-bench/target/benchmarks.jar}.
 */
package org.caveat.bench;
