package org.caveat.store.jdbc;

import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.StoreProvider;

/** Provides {@link JdbcStore} to {@link Store#open} through {@link java.util.ServiceLoader}. */
public final class JdbcStoreProvider implements StoreProvider {

  @Override
  public Store open(StoreConfig config) {
    return JdbcStore.open(config);
  }
}
