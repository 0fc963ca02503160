package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.caveat.store.head.LogPublicKey;
import org.caveat.store.head.LogSigningKey;
import org.caveat.store.head.SignedTreeHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: a child JVM appends in a burst and is killed with SIGKILL; every index it
 * printed (acknowledged) must be in the reopened log, the log must verify, and it must agree with
 * the last head the child signed.
 */
interface CrashContract extends StoreFixture {

  /** Arguments of {@link CrashChild} that name this test's database. */
  List<String> crashChildArgs();

  /** Closes the test's store (the child must be the only appender) and reopens it afterwards. */
  void closeStoreForChild();

  void reopenStoreAfterChild();

  @Test
  default void acknowledgedAppendsSurviveSigkill() throws Exception {
    closeStoreForChild();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName()));
    command.addAll(crashChildArgs());
    Path key = Files.createTempDirectory("caveat-crash-key").resolve("log-signing.key");
    command.add(key.toString());
    AtomicReference<String> lastHead = new AtomicReference<>();
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    CountDownLatch enough = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("head ")) {
            lastHead.set(line.substring(5));
          } else if (!line.equals("ready")) {
            acknowledged.add(Long.parseLong(line.strip()));
            if (acknowledged.size() >= 3000) {
              enough.countDown();
            }
          }
        }
      } catch (Exception e) {
        // the pipe closes when the child dies: everything before that was read
      }
    });
    reader.start();
    boolean burst = enough.await(90, TimeUnit.SECONDS);
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(10_000);
    assertThat(burst).as("the child acknowledged 3000 appends before the kill").isTrue();
    reopenStoreAfterChild();
    long size = store().log().head().size();
    long max = acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(size).isGreaterThan(max);
    for (long i : acknowledged) {
      assertThat(store().log().entry(i)).as("acknowledged entry %d", i).isPresent();
    }
    VerifyReport report = store().log().verify();
    assertThat(report.ok()).as(report.problem()).isTrue();
    assertThat(report.checked()).isEqualTo(size);
    // The last head the child signed before it died: the log is at least that long and agrees with it.
    SignedTreeHead head = SignedTreeHead.parse(new String(Base64.getDecoder().decode(lastHead.get()),
        StandardCharsets.UTF_8));
    assertThat(head.size()).isPositive();
    assertThat(LogPublicKey.read(LogSigningKey.publicFileOf(key)).problem(head)).isNull();
    VerifyReport againstHead = store().log().verify(head.size(), head.rootHex());
    assertThat(againstHead.ok()).as(againstHead.problem()).isTrue();
    assertThat(store().log().append(StoreContract.entry(0)).get()).isEqualTo(size);
  }
}
