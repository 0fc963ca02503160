package org.caveat.flink;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness, punctuated: the watermark is the latest event time seen minus the
 * delay, emitted as soon as it advances (not on a timer), so which events are late depends only
 * on the order of the events, not on how fast they are read.
 */
final class DelayedWatermarks implements WatermarkGenerator<Tally> {
  private final long delay;
  private long emitted = Long.MIN_VALUE;

  DelayedWatermarks(long delayMillis) {
    this.delay = delayMillis;
  }

  @Override
  public void onEvent(Tally event, long timestamp, WatermarkOutput output) {
    long mark = timestamp - delay - 1;
    if (mark > emitted) {
      emitted = mark;
      output.emitWatermark(new Watermark(mark));
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
