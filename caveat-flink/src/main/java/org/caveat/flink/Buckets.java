package org.caveat.flink;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * The output's folders: {@code decisions/<input file name>/} holds the lines {@code caveat replay}
 * writes for that file (decided and unattributed events), {@code bad-rows/<input file name>/} its
 * bad rows as {@code event.bad} error records. One folder per input file keeps each file's
 * decisions apart when a directory is read; every line names its input line ({@code "line"}).
 */
public final class Buckets implements BucketAssigner<DecisionLine, String> {
  private static final long serialVersionUID = 1L;
  public static final String DECISIONS = "decisions";
  public static final String BAD_ROWS = "bad-rows";

  static String decisions(String file) {
    return DECISIONS + "/" + file;
  }

  static String badRows(String file) {
    return BAD_ROWS + "/" + file;
  }

  @Override
  public String getBucketId(DecisionLine element, Context context) {
    return element.bucket;
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }
}
