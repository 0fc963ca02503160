/**
 * Durable state of the decision service behind small interfaces: the tamper-evident decision log
 * ({@link org.caveat.store.DecisionLog}, an RFC 6962 Merkle tree with group commit), bearer tokens
 * and roles ({@link org.caveat.store.Tokens}, {@link org.caveat.store.Roles}), four-eyes change
 * requests ({@link org.caveat.store.ChangeRequests}) and published versions.
 *
 * <p>{@link org.caveat.store.Store#open} opens SQLite (default, a file in a data folder) or
 * PostgreSQL from a {@link org.caveat.store.StoreConfig}. The implementation lives in
 * {@code org.caveat.store.jdbc} (JDBC, Flyway) on top of the pure {@code org.caveat.store.merkle};
 * nothing in this package refers to it: {@code Store.open} finds it through
 * {@link java.util.ServiceLoader} ({@link org.caveat.store.StoreProvider}). Signed tree heads and their key file are in
 * {@code org.caveat.store.head}.
 */
package org.caveat.store;
