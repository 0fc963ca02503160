package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class CellGridTest {
  @Property(tries = 5000)
  void floorIsMathFloor(@ForAll @DoubleRange(min = -1e6, max = 1e6) double x) {
    assertThat(CellGrid.floor(x)).isEqualTo((long) Math.floor(x));
  }

  @Test
  void floorAtTheEdges() {
    for (double x : new double[] {0.0, -0.0, 1.0, -1.0, -1e-300, 1e-300, -0.5, 0.5, -2.0, 2.0,
        Math.nextDown(0.0), Math.nextUp(-1.0), Math.nextDown(-1.0), -720.0, 720.0, -90 / 0.125, 180 / 0.125}) {
      assertThat(CellGrid.floor(x)).as("floor(%s)", x).isEqualTo((long) Math.floor(x));
    }
  }

  @Test
  void aCellIsComputedOnceAndPointsOnItsEdgesFallInTheCellTheyStart() {
    AtomicInteger computed = new AtomicInteger();
    CellGrid<Cell> grid = new CellGrid<>(0.25, new Envelope(20, 40, 44, 52), 1 << 16, (row, col) -> {
      computed.incrementAndGet();
      return new Cell(row, col);
    });
    assertThat(grid.at(50.0, 36.0)).isEqualTo(new Cell(200, 144));
    assertThat(grid.at(50.2499, 36.2499)).isSameAs(grid.at(50.0, 36.0));
    assertThat(grid.at(49.9999999, 35.9999999)).isEqualTo(new Cell(199, 143));
    assertThat(grid.at(-0.1, -0.1)).isEqualTo(new Cell(-1, -1)); // outside the window: the map
    grid.at(50.1, 36.1);
    assertThat(computed).hasValue(3);
  }

  private record Cell(long row, long col) {}

  /**
   * The grid publishes values by a plain store and a racy read, which is safe only for values
   * whose state is in final fields: every type the geography stores in a grid must be a record.
   */
  @Test
  void everyValueTypeStoredInAGridKeepsItsStateInFinalFields() throws Exception {
    for (String name : new String[] {"org.caveat.geo.Location", "org.caveat.geo.ReferenceGeography$Candidates",
        "org.caveat.geo.SeaCells$Cell", "org.caveat.geo.SphericalSegments$Ranked"}) {
      Class<?> type = Class.forName(name);
      assertThat(type.isRecord()).as(name).isTrue();
      for (var field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          assertThat(Modifier.isFinal(field.getModifiers())).as(name + "." + field.getName()).isTrue();
        }
      }
    }
  }
}
