package org.caveat.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.Encoder;

/** Writes an output line's bytes as they are: the rendered line already ends with its newline. */
final class DecisionEncoder implements Encoder<DecisionLine> {
  private static final long serialVersionUID = 1L;

  @Override
  public void encode(DecisionLine element, OutputStream stream) throws IOException {
    stream.write(element.text.getBytes(StandardCharsets.UTF_8));
  }
}
