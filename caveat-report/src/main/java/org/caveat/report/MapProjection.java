package org.caveat.report;

/**
 * An equirectangular projection of a latitude/longitude window onto an SVG canvas
 * {@link #WIDTH} wide: x = (lon − west)·cos(φ₀)·s, y = (north − lat)·s, with φ₀ the window's middle
 * latitude, so distances near the window's centre keep their proportions.
 */
final class MapProjection {
  static final double WIDTH = 1000;
  /** Smallest window side in degrees of latitude, so a single event still shows its surroundings. */
  static final double MIN_SPAN = 4.0;
  /** Shown when no event has a position: the Kharkiv–Belgorod border area. */
  static final double[] DEFAULT_BOUNDS = {48.5, 52.0, 34.0, 39.5};

  private final double south, north, west, east;
  private final double cosMid, scale;

  MapProjection(double south, double north, double west, double east) {
    this.south = south;
    this.north = north;
    this.west = west;
    this.east = east;
    this.cosMid = Math.cos(Math.toRadians((south + north) / 2));
    this.scale = WIDTH / ((east - west) * cosMid);
  }

  /** The window around bounds {minLat, maxLat, minLon, maxLon} (null: the default), padded by 20% and at least {@link #MIN_SPAN}. */
  static MapProjection around(double[] bounds) {
    double[] b = bounds == null ? DEFAULT_BOUNDS : bounds;
    double midLat = (b[0] + b[1]) / 2, midLon = (b[2] + b[3]) / 2;
    double halfLat = Math.max((b[1] - b[0]) * 0.6, MIN_SPAN / 2);
    double cos = Math.cos(Math.toRadians(Math.max(-89, Math.min(89, midLat))));
    double halfLon = Math.max((b[3] - b[2]) * 0.6, MIN_SPAN / 2 / cos);
    double south = Math.max(-90, midLat - halfLat), north = Math.min(90, midLat + halfLat);
    double west = Math.max(-180, midLon - halfLon), east = Math.min(180, midLon + halfLon);
    return new MapProjection(south, north, west, east);
  }

  double x(double lon) {
    return (lon - west) * cosMid * scale;
  }

  double y(double lat) {
    return (north - lat) * scale;
  }

  double height() {
    return (north - south) * scale;
  }

  double south() { return south; }
  double north() { return north; }
  double west() { return west; }
  double east() { return east; }

  /** The SVG viewBox attribute value. */
  String viewBox() {
    return "0 0 " + Html.coord(WIDTH) + " " + Html.coord(height());
  }
}
