/**
 * The store on JDBC (no ORM): SQLite (embedded, WAL, synchronous=FULL) or PostgreSQL, schema by
 * Flyway migrations under {@code db/migration/<dialect>}. The decision log group-commits from one
 * writer thread and keeps its Merkle tree ({@link org.caveat.store.merkle.MerkleTree}) in memory,
 * rebuilt from the stored leaf hashes when the store opens.
 *
 * <p>Meant for one appending process per database; a writer that finds entries committed behind
 * its back fails that batch and catches up from the checkpoint ({@link GroupCommitWriter}).
 */
package org.caveat.store.jdbc;
