package org.caveat.flink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.Path;

/**
 * A folder of published versions as a {@code FileSource} format: each {@code grant/version.yaml}
 * file is one {@link PolicyFile}, read whole. Files elsewhere in the folder (a grant's
 * {@code tests/}, a README) give nothing.
 */
final class PolicyFileFormat implements BulkFormat<PolicyFile, FileSourceSplit> {
  private static final long serialVersionUID = 1L;

  @Override
  public Reader<PolicyFile> createReader(Configuration config, FileSourceSplit split) throws IOException {
    return reader(split, 0);
  }

  @Override
  public Reader<PolicyFile> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
    return reader(split, split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L));
  }

  private static Reader<PolicyFile> reader(FileSourceSplit split, long emitted) throws IOException {
    Path path = split.path();
    String name = path.getName();
    boolean version = (name.endsWith(".yaml") || name.endsWith(".yml")) && path.getParent() != null
        && !path.getParent().getName().equals("tests");
    PolicyFile file = null;
    if (version && emitted == 0) {
      try (InputStream in = path.getFileSystem().open(path)) {
        file = new PolicyFile(path.getParent().getName() + "/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    PolicyFile[] one = {file};
    return new Reader<>() {
      @Override
      public RecordIterator<PolicyFile> readBatch() {
        if (one[0] == null) return null;
        List<PolicyFile> batch = List.of(one[0]);
        one[0] = null;
        return new IteratorResultIterator<>(batch.iterator(), CheckpointedPosition.NO_OFFSET, 0);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<PolicyFile> getProducedType() {
    return TypeInformation.of(PolicyFile.class);
  }
}
