/**
 * Checks of deploy/ that run offline: the Kubernetes manifests against the Kubernetes API's
 * schema (the official Java client's generated models), the Compose file against the Compose
 * Specification's JSON Schema (when fetched), and all of them against what {@code caveat serve}
 * defines (options parsed by its own picocli model) and serves (probed paths on a real server).
 */
package org.caveat.deploy;
