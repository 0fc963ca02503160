/**
 * The HTTP decision service (Javalin): {@link org.caveat.server.CaveatServer} wires the engine and
 * the store into the routes. Sub-packages are concepts with one-way dependencies: {@code problem}
 * (RFC 9457 errors) ← {@code auth} (bearer tokens, roles) ← {@code http} (route table, bodies,
 * failure mapping) ← {@code policy} (live engine, grants) / {@code ops} (health, metrics, OpenAPI)
 * ← {@code decide} (decisions and their durable logging) ← {@code authzen}, {@code change},
 * {@code log}. Storage is known only through the {@code org.caveat.store} interfaces.
 */
package org.caveat.server;
