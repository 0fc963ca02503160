package org.caveat.policy;

import java.time.Instant;
import java.util.List;

/**
 * One dated state of a grant, in force from {@code inForce} until the next version. The content
 * hash covers the version file and every file it references.
 */
public record PolicyVersion(String grant, String grantor, String grantee, String scope, SourceMap scopeMap,
    String version, Instant inForce, String title, String summary, String notes,
    Reliability reliability, List<Source> sources, List<Assumption> assumptions,
    List<ZoneSpec> zones, List<Rule> rules, String contentHash, String file) {

  public Source source(String id) {
    for (Source s : sources) {
      if (s.id().equals(id)) return s;
    }
    return null;
  }
}
