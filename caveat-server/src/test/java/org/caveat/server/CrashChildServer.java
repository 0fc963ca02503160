package org.caveat.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;

/**
 * The server process {@link SigkillTest} kills: opens a SQLite store in a folder, creates an
 * analyst token, serves on a free port, and writes {@code port token} to a file once listening.
 */
public final class CrashChildServer {
  private CrashChildServer() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Store store = Store.open(StoreConfig.sqlite(dir));
    String token = store.tokens().create("analyst", Set.of("analyst")).secret();
    CaveatServer server = CaveatServer.builder().store(store).port(0).start();
    Path ready = Path.of(args[1]);
    Files.writeString(ready.resolveSibling(ready.getFileName() + ".tmp"), server.port() + " " + token);
    Files.move(ready.resolveSibling(ready.getFileName() + ".tmp"), ready);
    Thread.sleep(Long.MAX_VALUE);
  }
}
