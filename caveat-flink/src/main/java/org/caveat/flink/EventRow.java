package org.caveat.flink;

/**
 * One input event after framing and mapping, as it travels between Flink tasks: where it came
 * from ({@code file}, the input {@code line} it starts on), its id when known, and exactly one of
 * — the request it maps to (as the request JSON of docs/SEMANTICS.md, which core's
 * {@code RequestReader} reads back into an equal request); the attributes that kept it from being
 * a request; or why the row is bad. A Flink POJO (public fields, no-argument constructor), so
 * Flink serializes it without Kryo.
 */
public class EventRow {
  /** The input file's name: the output bucket of the row's decision. */
  public String file;
  public long line;
  public String id;
  public String request;
  public String[] unattributed;
  public String bad;

  public EventRow() {}

  public EventRow(String file, long line, String id, String request, String[] unattributed, String bad) {
    this.file = file;
    this.line = line;
    this.id = id;
    this.request = request;
    this.unattributed = unattributed;
    this.bad = bad;
  }

  @Override
  public String toString() {
    return file + ":" + line + (id == null ? "" : " " + id);
  }
}
