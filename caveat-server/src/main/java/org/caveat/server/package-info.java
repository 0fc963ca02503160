/**
 * The HTTP decision service (Javalin): {@link org.caveat.server.CaveatServer} wires the engine and
 * the store into the routes. Sub-packages are concepts with one-way dependencies: {@code problem}
 * (RFC 9457 errors) ← {@code auth} (bearer tokens, roles) ← {@code http} (route table, bodies,
 * failure mapping) ← {@code policy} (live engine, grants) / {@code ops} (health, metrics, OpenAPI)
 * ← {@code decide} (decisions and their durable logging) ← {@code authzen}, {@code change},
 * {@code log}, {@code events} (event files replayed by caveat-replay); {@code console} (whoami,
 * vocabularies, static assets) and {@code map} (display geography, zones, permitted area) serve the
 * web console. Storage is known only through the {@code org.caveat.store} interfaces.
 */
package org.caveat.server;
