package org.caveat.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caveat.json.Json;

/**
 * The indented JSON documents of the resource routes (grants, versions, change requests), for
 * people reading them with curl: Jackson's default pretty printer, one final newline.
 */
public final class PrettyJson {
  private PrettyJson() {}

  /** Writes a document's content on the generator it is given. */
  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  public static byte[] bytes(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
