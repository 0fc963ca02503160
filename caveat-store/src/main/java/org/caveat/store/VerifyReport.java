package org.caveat.store;

import java.util.OptionalLong;

/**
 * The outcome of {@link DecisionLog#verify()}: how many entries were checked and, when something
 * is wrong, the first bad index and what is wrong there, e.g.
 * {@code entry 17: content does not match its leaf hash}.
 */
public record VerifyReport(boolean ok, long checked, OptionalLong firstBad, String problem) {

  public static VerifyReport good(long checked) {
    return new VerifyReport(true, checked, OptionalLong.empty(), null);
  }

  public static VerifyReport bad(long checked, long index, String problem) {
    return new VerifyReport(false, checked, OptionalLong.of(index), problem);
  }
}
