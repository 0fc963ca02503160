package org.caveat.store.jdbc;

import org.caveat.store.ChangeRequests;
import org.caveat.store.DecisionLog;
import org.caveat.store.PublishedVersions;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.StoreException;
import org.caveat.store.Tokens;
import org.caveat.store.VersionTexts;

/** {@link Store} on one JDBC database, migrated by Flyway when opened. */
public final class JdbcStore implements Store {

  private final Database db;
  private final JdbcDecisionLog log;
  private final Tokens tokens;
  private final ChangeRequests changeRequests;
  private final PublishedVersions published;
  private final VersionTexts versionTexts;

  private JdbcStore(Database db, boolean logVersionsPublishedBefore) {
    this.db = db;
    this.log = new JdbcDecisionLog(db, db.config.clock());
    this.tokens = new JdbcTokens(db, db.config.clock());
    this.changeRequests = new JdbcChangeRequests(db, db.config.clock(), log);
    JdbcPublishedVersions versions = new JdbcPublishedVersions(db, log);
    this.published = versions;
    this.versionTexts = new JdbcVersionTexts(db, db.config.clock());
    if (logVersionsPublishedBefore) {
      versions.logUnlogged();
    }
  }

  /** Opens and migrates the database; see {@link Store#open(StoreConfig)}. */
  public static Store open(StoreConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("no store configuration given");
    }
    Database db = new Database(config);
    try {
      return new JdbcStore(db, db.migrate());
    } catch (RuntimeException e) {
      db.close();
      throw e instanceof StoreException ? e : new StoreException("cannot open " + config.describe() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public DecisionLog log() {
    return log;
  }

  @Override
  public Tokens tokens() {
    return tokens;
  }

  @Override
  public ChangeRequests changeRequests() {
    return changeRequests;
  }

  @Override
  public PublishedVersions published() {
    return published;
  }

  @Override
  public VersionTexts versionTexts() {
    return versionTexts;
  }

  @Override
  public String describe() {
    return db.config.describe();
  }

  @Override
  public void close() {
    try {
      log.close();
    } finally {
      db.close();
    }
  }
}
