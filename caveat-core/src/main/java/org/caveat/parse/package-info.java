/**
 * The first stage of the front end: reads policy packs (one folder per grant, one YAML file per
 * version, GeoJSON zone files beside them) into the {@link org.caveat.policy} model, with a
 * positioned {@link org.caveat.policy.Diagnostic} for every structural problem, and reads the
 * test cases a pack carries ({@code GRANT/tests/*.yaml}, {@code PackTestFiles}). Conditions are
 * checked by {@link org.caveat.check}; conditions and zones are compiled by
 * {@link org.caveat.compile}.
 *
 * <p>Internal to caveat-core but for {@code PackTestCase}, which {@code packtest} reports on:
 * other modules load packs through {@link org.caveat.Caveat} and test cases through
 * {@code PackTestRunner} (caveat-cli's {@code ArchitectureTest}).
 */
package org.caveat.parse;
