/**
 * The front end: reads policy packs (one folder per grant, one YAML file per version, GeoJSON
 * zone files beside them) into the {@link org.caveat.policy} model, with a positioned
 * {@link org.caveat.policy.Diagnostic} for every structural problem. Conditions and zones are
 * checked by {@link org.caveat.compile}.
 */
package org.caveat.pack;
