package org.caveat.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.caveat.server.CaveatServer;
import org.caveat.server.policy.EngineFactory;
import org.caveat.store.Roles;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.StoreConflict;
import org.caveat.store.StoreException;
import org.caveat.store.TokenInfo;
import org.caveat.store.head.LogSigningKey;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code caveat serve}: the decision service (native /v1 API, AuthZEN 1.0, change requests,
 * decision log) over an embedded SQLite store under a data folder, or PostgreSQL.
 */
@Command(name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Runs the Caveat decision service over HTTP.",
    description = {
        "",
        "Serves POST /v1/decisions (answers exactly as `caveat check`), the OpenID",
        "AuthZEN 1.0 API under /access/v1/, grants and versions, four-eyes change",
        "requests, the tamper-evident decision log, /healthz, /metrics and",
        "/openapi.json. Every decision is logged durably before it is answered.",
        "Binds 127.0.0.1 unless --host says otherwise. On first start (no admin token",
        "yet) it creates one and prints it once. The log's heads are signed with an",
        "Ed25519 key kept in a file outside the database (--signing-key), created on",
        "first start; its public key is printed and served at /v1/log/key.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat serve",
        "  caveat serve --data /srv/caveat --port 9090",
        "  caveat serve --db jdbc:postgresql://localhost:5432/caveat \\",
        "               --db-user caveat --db-password-env PGPASSWORD \\",
        "               --signing-key /etc/caveat/log-signing.key",
        "  caveat serve --packs my-packs/ --host 0.0.0.0",
        "  curl -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\",
        "       --data-binary @examples/permit-counter-fire.json \\",
        "       http://127.0.0.1:8080/v1/decisions",
        "",
        "Exit codes: 0 stopped cleanly; 1 store, pack or port problem; 64 wrong usage."})
final class ServeCommand implements Callable<Integer> {
  @Mixin
  private StoreOptions store;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Interface to bind (default 127.0.0.1: this machine only; 0.0.0.0 for every interface).")
  private String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "TCP port (default 8080; 0 picks a free one).")
  private int port;

  @Option(names = "--packs", paramLabel = "DIR",
      description = "A folder of policy packs (or one grant folder); default: the built-in packs.")
  private Path packs;

  @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "8388608",
      description = "Largest request body accepted (default 8 MiB); larger is 413.")
  private long maxBodyBytes;

  @Option(names = "--max-batch", paramLabel = "N", defaultValue = "100000",
      description = "Most requests in one body (default 100,000); more is 413.")
  private int maxBatch;

  @Option(names = "--body-read-timeout", paramLabel = "SECONDS", defaultValue = "20",
      description = "Most time spent waiting for one request body, in total (default 20); slower is 408."
          + " Time spent deciding a streamed batch does not count.")
  private int bodyReadTimeout;

  @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Close a connection on which nothing arrives for this long (default 30).")
  private int idleTimeout;

  @Option(names = "--max-requests-per-token", paramLabel = "N", defaultValue = "8",
      description = "Most requests one token may have in progress at once (default 8); more is 429.")
  private int maxRequestsPerToken;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "64",
      description = "HTTP worker threads (default 64, at least 16).")
  private int threads;

  @Option(names = "--signing-key", paramLabel = "FILE",
      description = "Ed25519 key that signs the log's heads; created (mode 0600, public half beside it as .pub)"
          + " if missing. Default: DATA/log-signing.key, or ./caveat-log-signing.key with --db.")
  private Path signingKey;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile String url;

  /** Asks a running {@link #call()} to stop (what Ctrl-C does); for tests and embedding. */
  void stop() {
    stop.countDown();
  }

  /** The service's URL once it listens, else null. */
  String url() {
    return url;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Store s = store.open();
    CountDownLatch closed = new CountDownLatch(1);
    try {
      String admin = firstAdminToken(s);
      LogSigningKey key;
      CaveatServer server;
      try {
        key = LogSigningKey.openOrCreate(signingKey != null ? signingKey : store.defaultSigningKey());
        server = CaveatServer.builder().store(s).engines(EngineFactory.packs(packs)).host(host).port(port)
            .maxBodyBytes(maxBodyBytes).maxBatch(maxBatch).threads(threads)
            .bodyReadTimeout(java.time.Duration.ofSeconds(bodyReadTimeout)).idleTimeout(java.time.Duration.ofSeconds(idleTimeout))
            .maxRequestsPerToken(maxRequestsPerToken).signingKey(key).start();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      } catch (StoreException e) {
        throw new CliException(e.getMessage(), e);
      } catch (RuntimeException e) {
        if (e.getCause() instanceof java.net.BindException || String.valueOf(e.getMessage()).contains("bind")) {
          throw new CliException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        throw e;
      }
      Thread hook = new Thread(() -> {
        stop();
        try {
          closed.await();
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
      }, "caveat-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      url = server.url();
      out.println("Caveat serving on " + url + "  (store: " + s.describe() + ")");
      out.println("API: " + url + "/openapi.json   health: " + url + "/healthz");
      out.println("log signing key: " + key.file() + (key.created() ? " (created now)" : "") + ", key id "
          + key.publicKey().keyIdHex());
      out.println("log public key (also in " + LogSigningKey.publicFileOf(key.file()).getFileName() + ", GET "
          + url + "/v1/log/key): " + key.publicKey().base64());
      if (admin != null) out.println("admin token (shown once): " + admin);
      out.flush();
      stop.await();
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook itself is running: it waits for `closed` below
      }
      return CaveatCli.OK;
    } finally {
      s.close();
      closed.countDown();
    }
  }

  /**
   * Creates an admin token when the store has no active one; returns its secret, else null. Replicas
   * starting together on one empty database race here: the name {@code admin} is unique, so one
   * creates it and the others, finding an admin token after their conflict, create none.
   */
  static String firstAdminToken(Store s) {
    if (hasAdmin(s)) return null;
    for (int i = 1; ; i++) {
      try {
        return s.tokens().create(i == 1 ? "admin" : "admin-" + i, Set.of(Roles.ADMIN)).secret();
      } catch (StoreConflict taken) {
        // an active token already has that name: another replica's admin, or a token without the role
        if (hasAdmin(s)) return null;
      }
    }
  }

  private static boolean hasAdmin(Store s) {
    for (TokenInfo t : s.tokens().list()) if (t.active() && t.roles().contains(Roles.ADMIN)) return true;
    return false;
  }

  /** Where the store is: {@code --data DIR} (SQLite, the default ./caveat-data) or {@code --db URL}. */
  static final class StoreOptions {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Where where = new Where();

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (with --db).")
    private String dbUser;

    @Option(names = "--db-password-env", paramLabel = "VAR",
        description = "Name of the environment variable holding the database password (with --db); never on the command line.")
    private String dbPasswordEnv;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    static final class Where {
      @Option(names = "--data", paramLabel = "DIR",
          description = "Data folder of the embedded SQLite store (default: caveat-data).")
      Path data;

      @Option(names = "--db", paramLabel = "JDBC_URL",
          description = "PostgreSQL instead, e.g. jdbc:postgresql://localhost:5432/caveat.")
      String db;
    }

    private Path dataDir() {
      return where.data != null ? where.data : Path.of("caveat-data");
    }

    /** Where {@code serve} keeps the log signing key unless told: in the data folder, or the working one with --db. */
    Path defaultSigningKey() {
      return where.db == null ? dataDir().resolve("log-signing.key") : Path.of("caveat-log-signing.key");
    }

    /** Opens the store, creating the data folder and schema if needed. */
    Store open() {
      return openConfig(config());
    }

    /** Opens an existing store: a missing SQLite data folder is an error, not a new empty store. */
    Store openExisting() {
      if (where.db == null && !Files.isRegularFile(dataDir().resolve(StoreConfig.SQLITE_FILE))) {
        throw new CliException("no Caveat store in " + dataDir().toAbsolutePath().normalize()
            + " (start one with `caveat serve --data " + dataDir() + "`, or give --data DIR / --db URL)", null);
      }
      return openConfig(config());
    }

    private StoreConfig config() {
      if ((dbUser != null || dbPasswordEnv != null) && where.db == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--db-user and --db-password-env need --db");
      }
      try {
        if (where.db == null) return StoreConfig.sqlite(dataDir());
        String password = null;
        if (dbPasswordEnv != null) {
          password = System.getenv(dbPasswordEnv);
          if (password == null) throw new CliException("environment variable " + dbPasswordEnv + " is not set", null);
        }
        return StoreConfig.jdbc(where.db, dbUser, password);
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), e);
      }
    }

    private static Store openConfig(StoreConfig c) {
      try {
        return Store.open(c);
      } catch (StoreException e) {
        throw new CliException(e.getMessage(), e);
      }
    }
  }
}
