package org.caveat.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.head.LogSigningKey;

/**
 * The server process {@link SigkillTest} kills: opens a SQLite store in a folder (or the
 * PostgreSQL database of the third argument), with its log signing key in that folder, creates an
 * analyst token, serves on a free port, and writes {@code port token} to a file once listening.
 *
 * <p>Arguments: {@code <dataDir> <readyFile> [<jdbcUrl>]}.
 */
public final class CrashChildServer {
  private CrashChildServer() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Store store = Store.open(args.length > 2 ? StoreConfig.jdbc(args[2], "postgres", null) : StoreConfig.sqlite(dir));
    String token = store.tokens().create("analyst", Set.of("analyst")).secret();
    CaveatServer server = CaveatServer.builder().store(store).port(0)
        .signingKey(LogSigningKey.openOrCreate(dir.resolve("log-signing.key"))).start();
    Path ready = Path.of(args[1]);
    Files.writeString(ready.resolveSibling(ready.getFileName() + ".tmp"), server.port() + " " + token);
    Files.move(ready.resolveSibling(ready.getFileName() + ".tmp"), ready);
    Thread.sleep(Long.MAX_VALUE);
  }
}
