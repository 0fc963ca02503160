/**
 * The store on JDBC (no ORM): SQLite (embedded, WAL, synchronous=FULL) or PostgreSQL, schema by
 * Flyway migrations under {@code db/migration/<dialect>}. The decision log group-commits from one
 * writer thread and keeps its Merkle tree ({@link org.caveat.store.merkle.MerkleTree}) in memory,
 * rebuilt from the stored leaf hashes when the store opens.
 *
 * <p>Who may append is a {@link LogSequencer}: on PostgreSQL any number of processes (replicas),
 * sequenced by an advisory lock, each catching its tree up from the checkpoint
 * ({@link LogFollower}); on SQLite one process per data folder, claimed by a file lock.
 */
package org.caveat.store.jdbc;
