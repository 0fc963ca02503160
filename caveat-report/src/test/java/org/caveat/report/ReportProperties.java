package org.caveat.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Properties of the projection and of escaping, over generated inputs. */
class ReportProperties {
  @Property
  void everyPointOfTheEventsBoundsLandsInsideTheViewBox(
      @ForAll @DoubleRange(min = -60, max = 70) double lat1, @ForAll @DoubleRange(min = -60, max = 70) double lat2,
      @ForAll @DoubleRange(min = -170, max = 170) double lon1, @ForAll @DoubleRange(min = -170, max = 170) double lon2,
      @ForAll @DoubleRange(min = 0, max = 1) double u, @ForAll @DoubleRange(min = 0, max = 1) double v) {
    double[] b = {Math.min(lat1, lat2), Math.max(lat1, lat2), Math.min(lon1, lon2), Math.max(lon1, lon2)};
    MapProjection p = MapProjection.around(b);
    double lat = b[0] + u * (b[1] - b[0]), lon = b[2] + v * (b[3] - b[2]);
    assertThat(p.x(lon)).isBetween(0.0, MapProjection.WIDTH);
    assertThat(p.y(lat)).isBetween(0.0, p.height());
  }

  @Property
  void escapedTextHasNoMarkupAndReadsBackTheSame(@ForAll String text) {
    String e = Html.esc(text);
    assertThat(e).doesNotContain("<", ">", "\"", "'");
    String back = e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
    StringBuilder expected = new StringBuilder();
    for (char c : text.toCharArray()) expected.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
    assertThat(back).isEqualTo(expected.toString());
  }
}
