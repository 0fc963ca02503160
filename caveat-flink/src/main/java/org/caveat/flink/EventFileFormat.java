package org.caveat.flink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.caveat.replay.EventFormat;
import org.caveat.replay.Mapping;

/**
 * Event files (ACLED CSV, NDJSON, GeoJSON) as a {@code FileSource} format: each file is read
 * whole by one reader (framing is sequential: a CSV record may span lines), with replay's own
 * sources, and every framed item is mapped into an {@link EventRow} there. The reader's position
 * is the number of items it has emitted, so a restore from a checkpoint skips exactly those.
 */
public final class EventFileFormat implements BulkFormat<EventRow, FileSourceSplit> {
  private static final long serialVersionUID = 1L;
  /** Compiled mappings by file ("" for the built-in one): compiling CEL once per JVM, not per file. */
  private static final Map<String, Mapping> MAPPINGS = new ConcurrentHashMap<>();

  private final EventFormat format;
  private final String mappingFile;

  /**
   * @param format      the input format, or null to detect it per file as {@code caveat replay} does
   * @param mappingFile the ACLED mapping file (readable on every task manager), or null for the built-in one
   */
  public EventFileFormat(EventFormat format, String mappingFile) {
    this.format = format;
    this.mappingFile = mappingFile;
  }

  /** The compiled mapping; throws {@code PolicyException} with every problem of a bad mapping file. */
  public static Mapping mapping(String mappingFile) {
    return MAPPINGS.computeIfAbsent(mappingFile == null ? "" : mappingFile,
        f -> f.isEmpty() ? Mapping.defaults() : Mapping.load(java.nio.file.Path.of(f)));
  }

  @Override
  public Reader<EventRow> createReader(Configuration config, FileSourceSplit split) throws IOException {
    return open(split, 0);
  }

  @Override
  public Reader<EventRow> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
    long emitted = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    return open(split, emitted);
  }

  private Reader<EventRow> open(FileSourceSplit split, long emitted) throws IOException {
    Path path = split.path();
    BufferedInputStream in = new BufferedInputStream(path.getFileSystem().open(path), 1 << 16);
    return new EventFileReader(path.getName(), in, format, mappingFile, emitted);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<EventRow> getProducedType() {
    return TypeInformation.of(EventRow.class);
  }
}
