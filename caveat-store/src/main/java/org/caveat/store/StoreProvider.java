package org.caveat.store;

/**
 * What implements {@link Store}, found by {@link java.util.ServiceLoader} (caveat-store's
 * {@code META-INF/services/org.caveat.store.StoreProvider} names {@code jdbc.JdbcStoreProvider}),
 * so that this package, which every user of the store sees, never refers to an implementation.
 */
public interface StoreProvider {

  /** Opens the store the config names; see {@link Store#open}. */
  Store open(StoreConfig config);
}
