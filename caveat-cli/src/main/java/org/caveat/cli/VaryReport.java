package org.caveat.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.caveat.Caveat;
import org.caveat.decide.Outcome;
import org.caveat.json.Json;
import org.caveat.json.RequestError;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;
import org.caveat.timeline.Sensitivity;
import picocli.CommandLine;

/**
 * {@code caveat check --vary NAME=FROM..TO:STEP}: reads every request, has
 * {@link Sensitivity} decide them once per value, and prints the table (text, the default) or one
 * JSON document. Malformed requests are listed and make the exit code 2, as in {@code check}.
 */
final class VaryReport {
  private VaryReport() {}

  /** Column order of the table. */
  private static final List<Outcome> ORDER =
      List.of(Outcome.PERMIT, Outcome.DENY, Outcome.INDETERMINATE, Outcome.NOT_APPLICABLE);

  /** {@code --vary} syntax and range checks; a bad value is a usage error (exit 64). */
  static final class RangeConverter implements CommandLine.ITypeConverter<Sensitivity.Range> {
    @Override
    public Sensitivity.Range convert(String value) {
      try {
        return Sensitivity.parse(value);
      } catch (org.caveat.policy.PolicyException e) {
        var d = CliDiagnostics.worded(e.diagnostics().get(0));
        throw new CommandLine.TypeConversionException(d.message() + " [" + d.code() + "] (hint: " + d.hint() + ")");
      }
    }
  }

  private record Malformed(String label, RequestError error) {}

  /** @return the exit code */
  static int run(java.io.InputStream in, RequestDefaults defaults, Sensitivity.Range range, Function<String, Caveat> engines, boolean json,
      OutputStream out) throws IOException {
    List<Sensitivity.Item> items = new ArrayList<>();
    List<Malformed> malformed = new ArrayList<>();
    try (RequestStream stream = new RequestStream(in, false)) {
      while (stream.hasNext()) {
        RequestStream.Item item = stream.next().parsed();
        String line = "line " + item.line();
        if (item.error() != null) {
          malformed.add(new Malformed(label(item.error().id(), line), item.error()));
          continue;
        }
        RequestReader.Parsed p = RequestReader.read(item.node(), defaults);
        if (p.error() != null) {
          malformed.add(new Malformed(label(p.error().id(), line), p.error()));
        } else {
          items.add(new Sensitivity.Item(label(p.request().id(), line), p.request()));
        }
      }
    }
    Sensitivity.Result r = Sensitivity.run(range, engines, items);
    out.write(json ? json(r, malformed) : text(r, malformed));
    out.flush();
    return malformed.isEmpty() ? CaveatCli.OK : CaveatCli.MALFORMED;
  }

  private static String label(String id, String line) {
    return id == null ? line : id + " (" + line + ")";
  }

  private static String value(BigDecimal v) {
    String s = v.stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  static byte[] text(Sensitivity.Result r, List<Malformed> malformed) {
    StringBuilder b = new StringBuilder();
    int width = Math.max(r.name().length(), 5);
    for (BigDecimal v : r.values()) width = Math.max(width, value(v).length());
    b.append(String.format("%-" + width + "s", r.name()));
    for (Outcome o : ORDER) b.append("  ").append(o.name());
    b.append('\n');
    for (Sensitivity.Row row : r.rows()) {
      b.append(String.format("%-" + width + "s", value(row.value())));
      for (Outcome o : ORDER) {
        b.append(String.format("  %" + o.name().length() + "d", row.counts().get(o)));
      }
      b.append('\n');
    }
    b.append('\n').append(r.flips().size()).append(" of ").append(r.requests())
        .append(r.requests() == 1 ? " request changes" : " requests change").append(" decision across ")
        .append(r.name()).append(r.flips().isEmpty() ? "." : ":").append('\n');
    for (Sensitivity.Flip f : r.flips()) {
      b.append("  ").append(f.label()).append(':');
      for (int i = 0; i < r.values().size(); i++) {
        b.append(' ').append(value(r.values().get(i))).append('=').append(f.decisions().get(i));
      }
      b.append('\n');
    }
    if (!malformed.isEmpty()) {
      b.append('\n').append(malformed.size()).append(" malformed request").append(malformed.size() == 1 ? "" : "s")
          .append(" left out:\n");
      for (Malformed m : malformed) {
        b.append("  ").append(m.label()).append(": ").append(m.error().code());
        String at = m.error().at();
        if (at != null && !at.isEmpty() && !at.startsWith("line ")) b.append(" at ").append(at);
        b.append(": ").append(m.error().message()).append('\n');
      }
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] json(Sensitivity.Result r, List<Malformed> malformed) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeStringField("assumption", r.name());
      g.writeArrayFieldStart("values");
      for (BigDecimal v : r.values()) g.writeNumber(value(v));
      g.writeEndArray();
      g.writeNumberField("requests", r.requests());
      g.writeArrayFieldStart("table");
      for (Sensitivity.Row row : r.rows()) {
        g.writeStartObject();
        g.writeFieldName("value");
        g.writeNumber(value(row.value()));
        for (Outcome o : ORDER) g.writeNumberField(o.name(), row.counts().get(o));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("flips");
      for (Sensitivity.Flip f : r.flips()) {
        g.writeStartObject();
        g.writeStringField("request", f.label());
        g.writeArrayFieldStart("decisions");
        for (int i = 0; i < r.values().size(); i++) {
          g.writeStartObject();
          g.writeFieldName("value");
          g.writeNumber(value(r.values().get(i)));
          g.writeStringField("decision", f.decisions().get(i).name());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("malformed");
      for (Malformed m : malformed) {
        g.writeStartObject();
        g.writeStringField("request", m.label());
        g.writeStringField("code", m.error().code());
        g.writeStringField("message", m.error().message());
        g.writeStringField("at", m.error().at());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    return bytes.toByteArray();
  }
}
