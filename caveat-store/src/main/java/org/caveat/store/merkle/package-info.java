/**
 * RFC 6962 §2.1 Merkle tree hashing, pure and without I/O: leaf and node hashes, an incremental
 * tree that appends in O(log n) and keeps the hashes of aligned perfect subtrees for fast audit
 * paths, and the audit path algorithm of §2.1.1.
 */
package org.caveat.store.merkle;
