package org.caveat.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.caveat.store.head.LogSigningKey;

/**
 * The process the crash test kills: appends from four threads as fast as it can and prints each
 * index only once its append is acknowledged (the future completed), one per line, flushed.
 *
 * <p>It also signs the log's head every few milliseconds with the key in the last argument and
 * prints it as {@code head <base64 of the head's JSON>}, as a client saving heads would.
 *
 * <p>Arguments: {@code sqlite <dataDir> <keyFile>} or {@code postgresql <jdbcUrl> <user> <keyFile>}.
 */
public final class CrashChild {

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    StoreConfig config = args[0].equals("sqlite")
        ? StoreConfig.sqlite(Path.of(args[1]))
        : StoreConfig.jdbc(args[1], args[2], null);
    Store store = Store.open(config);
    LogSigningKey key = LogSigningKey.openOrCreate(Path.of(args[args.length - 1]));
    Thread heads = new Thread(() -> {
      while (true) {
        LogHead h = store.log().head();
        String json = Base64.getEncoder().encodeToString(key.sign(h.size(), h.rootHex(), h.time()).toJson());
        synchronized (System.out) {
          System.out.println("head " + json);
          System.out.flush();
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    heads.setDaemon(true);
    heads.start();
    System.out.println("ready");
    System.out.flush();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        for (int i = 0; ; i++) {
          DecisionEntry e = new DecisionEntry("crash-" + thread + "-" + i, Instant.EPOCH.plusSeconds(i),
              ("{\"n\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of("sha256:00"), null, false,
              "PERMIT", List.of());
          long index = store.log().append(e).join();
          synchronized (System.out) {
            System.out.println(index);
            System.out.flush();
          }
        }
      });
      worker.start();
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
