package org.caveat.store;

import java.util.List;

/**
 * RFC 6962 §2.1.1 inclusion proof: the audit path (sibling hashes from the leaf upwards) that,
 * hashed with the leaf, gives {@code rootHex}, the tree hash of the first {@code treeSize} entries.
 */
public record InclusionProof(long index, long treeSize, String leafHashHex, List<String> pathHex, String rootHex) {

  public InclusionProof {
    pathHex = List.copyOf(pathHex);
  }
}
