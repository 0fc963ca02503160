package org.caveat.store.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An append-only RFC 6962 Merkle tree held as its right frontier plus a cache of subtree hashes.
 *
 * <p><b>Frontier.</b> The tree of n leaves is, by §2.1's split at the largest power of two, a
 * sequence of perfect subtrees whose sizes are the binary digits of n, largest first; MTH is
 * their hashes folded from the right. Appending pushes a leaf and merges equal-sized neighbours
 * (binary carry), so an append costs O(1) amortised node hashes and the root O(log n).
 *
 * <p><b>Subtree cache.</b> Every merge that makes a perfect subtree of {@value #CACHE_LEVEL} or
 * more levels (≥ 256 leaves) keeps its hash, about 2 × 32 bytes per 256 leaves. An audit path
 * (§2.1.1) then needs at most two runs of ≤ 256 stored leaf hashes (the chunk holding the leaf and
 * the one holding the tree's last leaf) and O(log n) cached hashes.
 *
 * <p>Thread-safe: one appender, many readers. {@link #mark()} and {@link #rollback(Mark)} undo
 * appends whose database transaction failed.
 */
public final class MerkleTree {

  /** Perfect subtrees of 2^CACHE_LEVEL leaves and more are cached. */
  public static final int CACHE_LEVEL = 8;
  private static final int CHUNK = 1 << CACHE_LEVEL;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private long size;
  private byte[][] stackHash = new byte[64][];
  private int[] stackLevel = new int[64];
  private int depth;
  private final List<List<byte[]>> cache = new ArrayList<>();
  private final boolean caching;

  /** A tree that caches subtree hashes for audit paths. */
  public MerkleTree() {
    this(true);
  }

  /**
   * @param caching false for a frontier only (constant memory), when no audit paths are needed,
   *     e.g. to recompute the roots of a whole log
   */
  public MerkleTree(boolean caching) {
    this.caching = caching;
  }

  /** The state before a run of appends, to return to if they are not committed. */
  public record Mark(long size, byte[][] stackHash, int[] stackLevel, int depth, int[] cacheSizes) {}

  public long size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Appends a leaf hash; returns the tree hash of the tree including it (O(log n)). */
  public byte[] append(byte[] leafHash) {
    lock.writeLock().lock();
    try {
      add(leafHash);
      return foldRoot();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Appends a leaf hash without computing the new root (O(1) amortised), e.g. to rebuild at open. */
  public void restore(byte[] leafHash) {
    lock.writeLock().lock();
    try {
      add(leafHash);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void add(byte[] leafHash) {
    stackHash[depth] = leafHash;
    stackLevel[depth] = 0;
    depth++;
    size++;
    while (depth >= 2 && stackLevel[depth - 1] == stackLevel[depth - 2]) {
      byte[] node = Rfc6962.nodeHash(stackHash[depth - 2], stackHash[depth - 1]);
      int level = stackLevel[depth - 1] + 1;
      depth--;
      stackHash[depth - 1] = node;
      stackLevel[depth - 1] = level;
      stackHash[depth] = null;
      if (caching && level >= CACHE_LEVEL) {
        while (cache.size() <= level - CACHE_LEVEL) {
          cache.add(new ArrayList<>());
        }
        cache.get(level - CACHE_LEVEL).add(node);
      }
    }
  }

  /** MTH of all appended leaves. */
  public byte[] root() {
    lock.readLock().lock();
    try {
      return foldRoot();
    } finally {
      lock.readLock().unlock();
    }
  }

  public Mark mark() {
    lock.readLock().lock();
    try {
      int[] sizes = cache.stream().mapToInt(List::size).toArray();
      return new Mark(size, Arrays.copyOf(stackHash, stackHash.length), stackLevel.clone(), depth, sizes);
    } finally {
      lock.readLock().unlock();
    }
  }

  public void rollback(Mark mark) {
    lock.writeLock().lock();
    try {
      size = mark.size();
      stackHash = Arrays.copyOf(mark.stackHash(), mark.stackHash().length);
      stackLevel = mark.stackLevel().clone();
      depth = mark.depth();
      for (int level = cache.size() - 1; level >= 0; level--) {
        List<byte[]> hashes = cache.get(level);
        int keep = level < mark.cacheSizes().length ? mark.cacheSizes()[level] : 0;
        while (hashes.size() > keep) {
          hashes.remove(hashes.size() - 1);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * PATH(m, D[n]) of RFC 6962 §2.1.1, sibling hashes from the leaf upwards.
   *
   * @throws IllegalArgumentException unless {@code 0 <= m < n <= size()}
   */
  public List<byte[]> auditPath(long m, long n, LeafSource source) {
    checkCaching();
    checkRange(m, n);
    Map<Long, byte[][]> leaves = loadChunks(source, n, m >> CACHE_LEVEL, (n - 1) >> CACHE_LEVEL);
    lock.readLock().lock();
    try {
      List<byte[]> path = new ArrayList<>();
      path(m, 0, n, leaves, path);
      return path;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * PROOF(m, D[n]) of RFC 6962 §2.1.2: the nodes that prove the tree of the first {@code m}
   * leaves is a prefix of the tree of the first {@code n}, in the RFC's order. Empty when
   * {@code m == n}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= m <= n <= size()}
   */
  public List<byte[]> consistencyProof(long m, long n, LeafSource source) {
    checkCaching();
    if (m < 1 || m > n) {
      throw new IllegalArgumentException("old tree size " + m + " is outside 1.." + n);
    }
    checkRange(n - 1, n);
    List<byte[]> proof = new ArrayList<>();
    if (m == n) {
      return proof;
    }
    Map<Long, byte[][]> leaves = loadChunks(source, n, (m - 1) >> CACHE_LEVEL, (n - 1) >> CACHE_LEVEL);
    lock.readLock().lock();
    try {
      subproof(m, 0, n, true, leaves, proof);
      return proof;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * §2.1.2: SUBPROOF(m, D[lo:hi], b). The nodes it needs end at leaf m - 1 or at leaf hi - 1, or
   * are aligned perfect subtrees, so the two chunks loaded by the caller and the cache suffice.
   */
  private void subproof(long m, long lo, long hi, boolean whole, Map<Long, byte[][]> leaves, List<byte[]> out) {
    if (m == hi - lo) {
      if (!whole) {
        out.add(mth(lo, hi, leaves));
      }
      return;
    }
    long k = Rfc6962.splitPoint(hi - lo);
    if (m <= k) {
      subproof(m, lo, lo + k, whole, leaves, out);
      out.add(mth(lo + k, hi, leaves));
    } else {
      subproof(m - k, lo + k, hi, false, leaves, out);
      out.add(mth(lo, lo + k, leaves));
    }
  }

  /** MTH(D[0:n]) for n ≤ size(), e.g. the root an older audit path leads to. */
  public byte[] rootOf(long n, LeafSource source) {
    if (n == 0) {
      return Rfc6962.emptyRoot();
    }
    checkCaching();
    checkRange(n - 1, n);
    Map<Long, byte[][]> leaves = loadChunks(source, n, (n - 1) >> CACHE_LEVEL, (n - 1) >> CACHE_LEVEL);
    lock.readLock().lock();
    try {
      return mth(0, n, leaves);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void checkCaching() {
    if (!caching) {
      throw new IllegalStateException("this tree keeps no subtree hashes; create it with caching on");
    }
  }

  private void checkRange(long m, long n) {
    long current = size();
    if (n < 1 || n > current) {
      throw new IllegalArgumentException("tree size " + n + " is outside 1.." + current);
    }
    if (m < 0 || m >= n) {
      throw new IllegalArgumentException("index " + m + " is outside 0.." + (n - 1) + " for tree size " + n);
    }
  }

  /** Reads the stored leaves of the (at most two) chunks an audit path descends into. */
  private static Map<Long, byte[][]> loadChunks(LeafSource source, long n, long... chunks) {
    Map<Long, byte[][]> out = new HashMap<>();
    for (long c : chunks) {
      if (!out.containsKey(c)) {
        long from = c * CHUNK;
        long to = Math.min(from + CHUNK, n);
        out.put(c, source.leafHashes(from, to));
      }
    }
    return out;
  }

  /** §2.1.1: PATH(m, D[lo:hi]) appended to {@code out}, deepest sibling first. */
  private void path(long m, long lo, long hi, Map<Long, byte[][]> leaves, List<byte[]> out) {
    if (hi - lo == 1) {
      return;
    }
    long k = Rfc6962.splitPoint(hi - lo);
    if (m < lo + k) {
      path(m, lo, lo + k, leaves, out);
      out.add(mth(lo + k, hi, leaves));
    } else {
      path(m, lo + k, hi, leaves, out);
      out.add(mth(lo, lo + k, leaves));
    }
  }

  /** §2.1: MTH(D[lo:hi]), from the subtree cache where the range is an aligned perfect subtree. */
  private byte[] mth(long lo, long hi, Map<Long, byte[][]> leaves) {
    long width = hi - lo;
    if (width == 1) {
      byte[][] chunk = leaves.get(lo >> CACHE_LEVEL);
      if (chunk == null) {
        throw new IllegalStateException("leaf " + lo + " was not loaded");
      }
      return chunk[(int) (lo & (CHUNK - 1))];
    }
    if (Long.bitCount(width) == 1 && width >= CHUNK && lo % width == 0) {
      int level = Long.numberOfTrailingZeros(width);
      return cache.get(level - CACHE_LEVEL).get((int) (lo >> level));
    }
    long k = Rfc6962.splitPoint(width);
    return Rfc6962.nodeHash(mth(lo, lo + k, leaves), mth(lo + k, hi, leaves));
  }

  private byte[] foldRoot() {
    if (depth == 0) {
      return Rfc6962.emptyRoot();
    }
    byte[] h = stackHash[depth - 1];
    for (int i = depth - 2; i >= 0; i--) {
      h = Rfc6962.nodeHash(stackHash[i], h);
    }
    return h;
  }
}
