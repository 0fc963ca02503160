package org.caveat.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.caveat.store.IssuedToken;
import org.caveat.store.Persons;
import org.caveat.store.Principal;
import org.caveat.store.Roles;
import org.caveat.store.StoreConflict;
import org.caveat.store.StoreException;
import org.caveat.store.TokenInfo;
import org.caveat.store.Tokens;

/**
 * Tokens on JDBC. A secret is {@code cvt_} + 32 random bytes (base64url); the table keeps only its
 * SHA-256 (hex), looked up by a unique index; successful look-ups are cached briefly
 * ({@link PrincipalCache}). Each token names the person holding it ({@link Persons}, default: the
 * normalised name). Revoked rows are kept for the record; creating a token with a revoked token's
 * name replaces that row.
 */
final class JdbcTokens implements Tokens {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final String PREFIX = "cvt_";

  private final Database db;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final PrincipalCache cache = new PrincipalCache();

  JdbcTokens(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public IssuedToken create(String name, String person, Set<String> roles) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("token name `" + name + "` is not valid: use 1 to 64 letters, digits,"
          + " '.', '_', '@' or '-', starting with a letter or digit");
    }
    String who = Persons.normalise(person == null ? name : person);
    Set<String> valid = Roles.validateAll(roles);
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String rolesColumn = String.join(" ", new TreeSet<>(valid));
    String now = clock.instant().toString();
    try {
      db.write("creating token " + name, c -> {
        try (PreparedStatement q = c.prepareStatement("SELECT revoked_at FROM access_token WHERE name = ?")) {
          q.setString(1, name);
          try (ResultSet rs = q.executeQuery()) {
            if (rs.next() && rs.getString(1) == null) {
              throw new StoreConflict(StoreConflict.TOKEN_EXISTS, "a token named `" + name
                  + "` already exists; revoke it first or choose another name");
            }
          }
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM access_token WHERE name = ?")) {
          d.setString(1, name);
          d.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO access_token"
            + " (name, person, secret_sha256, roles, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)")) {
          ins.setString(1, name);
          ins.setString(2, who);
          ins.setString(3, sha256(secret));
          ins.setString(4, rolesColumn);
          ins.setString(5, now);
          ins.executeUpdate();
        }
        return null;
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && db.dialect.isUniqueViolation(sql)) {
        throw new StoreConflict(StoreConflict.TOKEN_EXISTS, "a token named `" + name + "` was created concurrently");
      }
      throw e;
    }
    return new IssuedToken(name, who, secret, valid);
  }

  @Override
  public Optional<Principal> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
      return Optional.empty();
    }
    String hash = sha256(secret);
    Optional<Principal> cached = cache.get(hash);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<Principal> found = db.read("checking a token", c -> {
      try (PreparedStatement q = c.prepareStatement(
          "SELECT name, person, roles FROM access_token WHERE secret_sha256 = ? AND revoked_at IS NULL")) {
        q.setString(1, hash);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? Optional.of(new Principal(rs.getString(1), rs.getString(2), roles(rs.getString(3))))
              : Optional.empty();
        }
      }
    });
    found.ifPresent(p -> cache.put(hash, p));
    return found;
  }

  @Override
  public List<TokenInfo> list() {
    return db.read("listing tokens", c -> {
      List<TokenInfo> out = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(
          "SELECT name, person, roles, created_at, revoked_at FROM access_token ORDER BY name");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String revoked = rs.getString(5);
          out.add(new TokenInfo(rs.getString(1), rs.getString(2), roles(rs.getString(3)),
              Instant.parse(rs.getString(4)), revoked == null ? null : Instant.parse(revoked)));
        }
      }
      return out;
    });
  }

  @Override
  public boolean revoke(String name) {
    String now = clock.instant().toString();
    boolean revoked = db.write("revoking token " + name, c -> {
      try (PreparedStatement u = c.prepareStatement(
          "UPDATE access_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
        u.setString(1, now);
        u.setString(2, name);
        return u.executeUpdate() == 1;
      }
    });
    cache.forget(name);
    return revoked;
  }

  @Override
  public long count() {
    return db.read("counting tokens", c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM access_token WHERE revoked_at IS NULL");
          ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static Set<String> roles(String column) {
    return Set.copyOf(Arrays.asList(column.split(" ")));
  }

  /** One digest per thread: every request authenticates, and a provider look-up costs more than the hash. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  });

  static String sha256(String secret) {
    // digest() resets the digest, so the next call on this thread starts afresh
    return HexFormat.of().formatHex(SHA256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
  }
}
