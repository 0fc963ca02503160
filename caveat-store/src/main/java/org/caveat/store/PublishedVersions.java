package org.caveat.store;

import java.util.List;

/** Versions that became part of the service's policy by publishing a change request. */
public interface PublishedVersions {

  /** Every published version, in publish order. */
  List<PublishedVersion> all();
}
