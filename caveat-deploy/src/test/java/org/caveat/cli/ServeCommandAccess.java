package org.caveat.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * The deploy checks' way to {@code caveat serve}: its picocli model (the options the deploy files
 * must use) and a real run of it. In caveat-cli's package because the command is package-private;
 * test code only, so the CLI's surface does not grow for the checks.
 */
public final class ServeCommandAccess implements AutoCloseable {
  private final ServeCommand command = new ServeCommand();
  private final StringWriter out = new StringWriter();
  private CompletableFuture<Integer> run;

  /** A fresh command line of {@code caveat serve}, to parse arguments with. */
  public static CommandLine commandLine() {
    return new CommandLine(new ServeCommand());
  }

  /** Starts {@code caveat serve ARGS} on another thread and returns its URL once it listens. */
  public String start(Path data, String... args) throws InterruptedException {
    CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true));
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    run = CompletableFuture.supplyAsync(() -> cli.execute(all));
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (command.url() == null) {
      if (run.isDone()) throw new IllegalStateException("caveat serve ended with " + run.join() + ": " + out);
      if (System.nanoTime() > deadline) throw new IllegalStateException("caveat serve did not start: " + out);
      Thread.sleep(20);
    }
    return command.url();
  }

  @Override
  public void close() {
    command.stop();
    if (run != null) run.join();
  }
}
