package org.caveat.store.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caveat.store.PublishedVersion;

/** Compares the published versions' rows with the versions the decision log holds; see {@link org.caveat.store.PublishedVersions#check()}. */
final class VersionCheck {

  private VersionCheck() {}

  static List<String> problems(List<PublishedVersion> rows, List<VersionEntries.Logged> logged) {
    List<String> out = new ArrayList<>();
    Map<String, VersionEntries.Logged> byName = new LinkedHashMap<>();
    for (VersionEntries.Logged l : logged) {
      if (l.problem() != null) {
        out.add(l.problem());
      } else if (!JdbcChangeRequests.contentHash(l.yaml()).equals(l.contentHash())) {
        out.add("log entry " + l.index() + " (published version " + l.name() + "): its YAML does not match its"
            + " content hash");
      }
      VersionEntries.Logged before = byName.putIfAbsent(l.name(), l);
      if (before != null) {
        out.add("published version " + l.name() + " is logged twice (entries " + before.index() + " and "
            + l.index() + ")");
      }
    }
    for (PublishedVersion row : rows) {
      String name = row.grant() + "/" + row.version();
      String computed = JdbcChangeRequests.contentHash(row.yamlText());
      if (!computed.equals(row.contentHash())) {
        out.add("published version " + name + ": its YAML does not match its content hash (stored "
            + row.contentHash() + ", the YAML hashes to " + computed + ")");
      }
      VersionEntries.Logged l = byName.remove(name);
      if (l == null) {
        out.add("published version " + name + " is not in the decision log (it was not published through the"
            + " service, or its log entry was removed)");
      } else if (!l.yaml().equals(row.yamlText())) {
        out.add("published version " + name + " differs from the text logged at entry " + l.index());
      } else if (!l.contentHash().equals(row.contentHash()) || !l.changeRequest().equals(row.changeRequestId())
          || !l.publishedAt().equals(row.publishedAt().toString())) {
        out.add("published version " + name + ": its content hash, change request or publication time differ from"
            + " entry " + l.index() + " of the log");
      }
    }
    for (VersionEntries.Logged l : byName.values()) {
      out.add("published version " + l.name() + " (logged at entry " + l.index() + ") is missing from the published"
          + " versions");
    }
    return out;
  }
}
