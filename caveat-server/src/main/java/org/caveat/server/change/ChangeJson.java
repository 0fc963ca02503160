package org.caveat.server.change;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.caveat.server.http.PrettyJson;
import org.caveat.store.ChangeRequest;

/**
 * Change requests as JSON: state, author (token and person), whether it was accepted as
 * retroactive and why, content hash, the impact (flip list) and every step with its token and person.
 */
final class ChangeJson {
  private ChangeJson() {}

  static byte[] one(ChangeRequest cr) {
    return PrettyJson.bytes(g -> cr(g, cr, true));
  }

  /** The list leaves out the YAML texts; read one request for its text. */
  static byte[] list(List<ChangeRequest> all) {
    return PrettyJson.bytes(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("change_requests");
      for (ChangeRequest cr : all) cr(g, cr, false);
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void cr(JsonGenerator g, ChangeRequest cr, boolean withText) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", cr.id());
    g.writeStringField("grant", cr.grant());
    g.writeStringField("version", cr.version());
    g.writeStringField("in_force", cr.inForce().toString());
    g.writeStringField("state", cr.state().name());
    g.writeStringField("author", cr.author());
    g.writeStringField("author_person", cr.authorPerson());
    g.writeBooleanField("retroactive", cr.retroactiveReason() != null);
    g.writeStringField("retroactive_reason", cr.retroactiveReason());
    g.writeStringField("content_hash", cr.contentHash());
    g.writeFieldName("impact");
    if (cr.impactJson() == null) g.writeNull();
    else g.writeRawValue(cr.impactJson());
    g.writeArrayFieldStart("history");
    for (ChangeRequest.Step s : cr.history()) {
      g.writeStartObject();
      g.writeStringField("action", s.action());
      g.writeStringField("principal", s.principal());
      g.writeStringField("person", s.person());
      g.writeStringField("at", s.at().toString());
      g.writeStringField("comment", s.comment());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (withText) g.writeStringField("yaml", cr.yamlText());
    g.writeEndObject();
  }
}
