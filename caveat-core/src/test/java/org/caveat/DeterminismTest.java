package org.caveat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.caveat.json.AnswerWriter;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;
import org.junit.jupiter.api.Test;

/**
 * Same request + same policy versions + same assumptions ⇒ the same bytes: whatever the engine
 * instance, the order of requests, the memo state or the number of threads.
 */
class DeterminismTest {
  @Test
  void sameRequestsGiveTheSameBytesAcrossEnginesOrdersAndThreads() throws Exception {
    List<Request> requests = new ArrayList<>();
    for (var c : BuiltInPackTestsTest.cases()) {
      if (c.assume().isEmpty()) requests.add(RequestReader.read(c.request()).request());
    }
    Caveat first = Caveat.builder().build();
    List<String> expected = requests.stream().map(r -> AnswerWriter.toJson(first.answer(r))).toList();

    Caveat second = Caveat.builder().build();
    List<Integer> order = new ArrayList<>(IntStream.range(0, requests.size()).boxed().toList());
    Collections.shuffle(order, new Random(1));
    String[] shuffled = new String[requests.size()];
    for (int i : order) shuffled[i] = AnswerWriter.toJson(second.answer(requests.get(i)));
    assertThat(shuffled).containsExactlyElementsOf(expected);

    // Many times over on several threads, so threshold tests and caches get built mid-way.
    List<String> parallel = IntStream.range(0, requests.size() * 50).parallel()
        .mapToObj(i -> AnswerWriter.toJson(second.answer(requests.get(i % requests.size())))).toList();
    for (int i = 0; i < parallel.size(); i++) {
      assertThat(parallel.get(i)).isEqualTo(expected.get(i % requests.size()));
    }
  }
}
