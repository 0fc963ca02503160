/**
 * Checking conditions: cel-java parses and type-checks each CEL condition in the environment of
 * its version ({@link org.caveat.check.CelEnvironment}: attributes, zones, assumptions,
 * vocabulary lists, geographic functions); literals are checked against the closed vocabularies
 * and the shipped geography, and a scope must confine its version to the grantor. Every problem
 * is a positioned {@link org.caveat.policy.Diagnostic} with a hint. Builds no program: what
 * passes goes to {@link org.caveat.compile}.
 *
 * <p>Internal to caveat-core: other modules load packs through {@link org.caveat.Caveat}
 * (caveat-cli's {@code ArchitectureTest}).
 */
package org.caveat.check;
