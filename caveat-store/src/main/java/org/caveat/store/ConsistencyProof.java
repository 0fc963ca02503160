package org.caveat.store;

import java.util.List;

/**
 * RFC 6962 §2.1.2 consistency proof: the nodes ({@code pathHex}, lower-case hex, in the RFC's
 * order) proving that the tree of the first {@code fromSize} entries, with root
 * {@code fromRootHex}, is a prefix of the tree of the first {@code toSize}, with root
 * {@code toRootHex}: nothing logged before {@code fromSize} was changed or removed since.
 */
public record ConsistencyProof(long fromSize, long toSize, List<String> pathHex, String fromRootHex, String toRootHex) {

  public ConsistencyProof {
    pathHex = List.copyOf(pathHex);
  }
}
