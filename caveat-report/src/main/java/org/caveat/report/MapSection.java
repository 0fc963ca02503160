package org.caveat.report;

import static org.caveat.report.Html.count;
import static org.caveat.report.Html.esc;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caveat.decide.Outcome;
import org.caveat.geo.ReferenceGeography;
import org.caveat.geo.Zone;

/**
 * The map: an inline SVG of the window around the events (Ukraine, Russia and their regions,
 * the UA–RU border, the zones of every grant version used, the events coloured by decision),
 * with a legend whose check boxes show and hide decisions and zone layers.
 */
final class MapSection {
  private final ReportSettings settings;
  private final Tally tally;
  private final MarkerSample markers;

  MapSection(ReportSettings settings, Tally tally, MarkerSample markers) {
    this.settings = settings;
    this.tally = tally;
    this.markers = markers;
  }

  void write(Writer out) throws IOException {
    MapProjection projection = MapProjection.around(markers.bounds());
    SvgPaths paths = new SvgPaths(projection);
    ReferenceGeography geo = settings.engine().geography();
    List<ZoneLayers.Layer> layers = ZoneLayers.of(settings.engine(), tally.versionHashes().keySet());
    List<MarkerSample.Marker> shown = markers.shown();
    out.write("<section id=\"map\">\n<h2>Map</h2>\n<p id=\"marker-count\">Showing " + count(shown.size()) + " of "
        + count(markers.seen()) + " located events"
        + (shown.size() < markers.seen() ? " (a deterministic random sample)" : "") + "; "
        + count(tally.rows() - markers.seen()) + " rows without a position are not drawn.</p>\n");
    out.write("<svg id=\"map-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + projection.viewBox()
        + "\" role=\"img\" aria-label=\"Map of events and zones\">\n");
    out.write("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\"/>\n<g class=\"land\">\n");
    for (String code : List.of("RU", "UA")) {
      Zone area = geo.area(code);
      if (area != null) outline(out, "country " + Html.token(code), code, paths.path(area.geometry()));
    }
    for (String code : geo.regionCodes()) {
      outline(out, "region", code + " " + geo.regionName(code), paths.path(geo.area(code).geometry()));
    }
    out.write("</g>\n");
    int index = 0;
    for (ZoneLayers.Layer layer : layers) {
      out.write("<g class=\"zones\" data-version=\"" + esc(layer.version()) + "\">\n");
      for (Map.Entry<String, Zone> z : layer.zones().entrySet()) {
        String d = drawable(paths, z.getValue());
        if (d.isEmpty()) continue;
        String cls = "zone z" + (index % 6) + (z.getValue().isArea() ? "" : " line");
        out.write("<path class=\"" + cls + "\" d=\"" + d + "\"><title>" + esc(z.getKey() + " (" + layer.version()
            + ")") + "</title></path>\n");
      }
      out.write("</g>\n");
      index++;
    }
    Zone border = geo.uaRuBorder();
    if (border != null) outline(out, "border", "UA–RU border", paths.path(border.geometry()));
    out.write("<g class=\"events\">\n");
    for (MarkerSample.Marker m : shown) marker(out, projection, m);
    out.write("</g>\n</svg>\n");
    legend(out, layers);
    out.write("</section>\n");
  }

  /**
   * A zone's path, or empty when its display geometry cannot be built (the decisions do not use
   * that geometry, so the report goes on without drawing it).
   */
  private static String drawable(SvgPaths paths, Zone zone) {
    try {
      return paths.path(zone.geometry());
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static void outline(Writer out, String cls, String title, String d) throws IOException {
    if (d.isEmpty()) return;
    out.write("<path class=\"" + cls + "\" d=\"" + d + "\"><title>" + esc(title) + "</title></path>\n");
  }

  private static void marker(Writer out, MapProjection p, MarkerSample.Marker m) throws IOException {
    String decision = m.decision().name();
    out.write("<circle class=\"event " + Html.token(decision) + "\" data-event-id=\"" + esc(m.eventId())
        + "\" data-line=\"" + m.line() + "\" cx=\"" + Html.coord(p.x(m.lon())) + "\" cy=\"" + Html.coord(p.y(m.lat()))
        + "\" r=\"4\"><title>" + esc((m.eventId() == null ? "line " + m.line() : m.eventId()) + " · "
        + (m.date() == null ? "no date" : m.date().toString()) + " · " + decision) + "</title></circle>\n");
  }

  private static void legend(Writer out, List<ZoneLayers.Layer> layers) throws IOException {
    out.write("<form id=\"legend\" class=\"legend\">\n<fieldset><legend>Events</legend>\n");
    for (Outcome o : CountTables.COLUMNS) {
      String t = Html.token(o.name());
      out.write("<label><input type=\"checkbox\" data-toggle=\"event " + t + "\" checked> <span class=\"swatch "
          + t + "\"></span> " + o.name() + "</label>\n");
    }
    out.write("</fieldset>\n<fieldset><legend>Zones in force (by grant version)</legend>\n");
    int index = 0;
    for (ZoneLayers.Layer layer : layers) {
      out.write("<label><input type=\"checkbox\" data-toggle-version=\"" + esc(layer.version()) + "\" checked> "
          + "<span class=\"swatch zone z" + (index++ % 6) + "\"></span> " + esc(layer.version()) + ": "
          + esc(String.join(", ", new ArrayList<>(layer.zones().keySet()))) + "</label>\n");
    }
    if (layers.isEmpty()) out.write("<p>No grant version was in force for these rows.</p>\n");
    out.write("</fieldset>\n<p class=\"note\">Thick line: the UA–RU land border (de jure). Buffer zones are drawn "
        + "approximately; decisions measure distances exactly.</p>\n</form>\n");
  }
}
