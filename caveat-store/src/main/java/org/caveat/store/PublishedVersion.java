package org.caveat.store;

import java.time.Instant;

/**
 * A published version; load it with {@code Caveat.builder().addVersion(fileName, yamlText)}.
 *
 * @param fileName {@code <grant>/<version>.yaml}
 */
public record PublishedVersion(String grant, String version, String fileName, String yamlText, String contentHash,
    String changeRequestId, Instant publishedAt) {}
