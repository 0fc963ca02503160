package org.caveat.bench;

import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.caveat.geo.PreparedThreshold;
import org.caveat.geo.ReferenceGeography;
import org.caveat.geo.Zone;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The geographic primitives behind a decision, on random points around the Kharkiv border. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GeoBenchmark {
  private ReferenceGeography geo;
  private Zone border;
  private PreparedThreshold band;
  private final double[] lat = new double[4096], lon = new double[4096];
  private int i;

  @Setup
  public void setUp() {
    geo = ReferenceGeography.shipped();
    border = geo.border("kharkiv_border", Set.of("UA-63"), Set.of("RU"));
    band = border.threshold(100);
    Random r = new Random(7);
    for (int k = 0; k < lat.length; k++) {
      lat[k] = 49.0 + r.nextDouble() * 3;
      lon[k] = 34.5 + r.nextDouble() * 5;
    }
  }

  private int next() {
    return i = (i + 1) & 4095;
  }

  @Benchmark
  public String region() {
    int k = next();
    return geo.region(lat[k], lon[k]);
  }

  @Benchmark
  public double exactDistanceToKharkivBorder() {
    int k = next();
    return border.distanceKm(lat[k], lon[k]);
  }

  /** The same distance for a figure rounded to the metre: the chord method where its bound proves the metre. */
  @Benchmark
  public double distanceToKharkivBorderToTheMetre() {
    int k = next();
    return border.distanceKmToTheMetre(lat[k], lon[k]);
  }

  @Benchmark
  public boolean within100kmOfKharkivBorder() {
    int k = next();
    return band.withinKm(lat[k], lon[k]);
  }
}
