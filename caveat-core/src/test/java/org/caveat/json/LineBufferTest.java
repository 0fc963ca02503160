package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A line buffer holds what was written, in order, across growth and reuse. */
class LineBufferTest {
  @Test
  void growsKeepsOrderAndIsReusable() throws Exception {
    LineBuffer b = new LineBuffer(1);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      String s = "line " + i + "\n";
      b.write(s.getBytes(StandardCharsets.UTF_8));
      b.write('x');
      expected.append(s).append('x');
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    b.writeTo(out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    assertThat(b.toByteArray()).isEqualTo(out.toByteArray());
    b.reset();
    assertThat(b.size()).isZero();
    b.write("again".getBytes(StandardCharsets.UTF_8), 1, 3);
    assertThat(new String(b.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("gai");
  }

  @Test
  void answerLinesReuseABufferAfterItsBatchIsWritten() throws Exception {
    LineBuffer b = new LineBuffer(16);
    RequestError e = new RequestError("r-1", "request.missing", "no \"time\"", "/time");
    ByteArrayOutputStream first = new ByteArrayOutputStream(), second = new ByteArrayOutputStream();
    AnswerLines lines = new AnswerLines(b);
    lines.error(e);
    lines.writeTo(first);
    b.reset();
    lines = new AnswerLines(b);
    lines.error(e);
    lines.writeTo(second);
    assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo(AnswerWriter.toJson(e) + "\n");
    assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
  }
}
