package org.caveat.store;

import java.sql.Connection;
import java.sql.SQLException;

/** What the contract parts need from the running test: the open store, its clock, raw JDBC. */
interface StoreFixture {

  Store store();

  TestClock clock();

  StoreConfig config();

  /** A raw connection to the same database, for looking behind the store's back. */
  Connection raw() throws SQLException;
}
