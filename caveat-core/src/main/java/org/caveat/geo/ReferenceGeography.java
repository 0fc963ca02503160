package org.caveat.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * The shipped reference geography (Natural Earth admin-1, de jure, see
 * {@code caveat/geo/ATTRIBUTION.md}): country and first-level region polygons of Ukraine and
 * Russia, and the land border lines between their regions.
 *
 * <p>Where a point lies on a shared boundary, the code that sorts first wins, so answers are
 * deterministic.
 */
public final class ReferenceGeography {
  private static final String BASE = "/caveat/geo/";
  static final double CELL_DEGREES = 0.25;
  /** The shipped regions span ~1,440 × 170 cells (Russia reaches round the globe): a flat array of ~1 MB. */
  private static final int MAX_WINDOW_CELLS = 1 << 19;
  private static volatile ReferenceGeography shipped;

  private final Map<String, Geometry> regions = new TreeMap<>();
  private final Map<String, String> regionCountry = new TreeMap<>();
  private final Map<String, String> regionNames = new TreeMap<>();
  private final java.util.Set<String> countryCodes = new java.util.TreeSet<>();
  /** Built on first use: most regions are never queried in a run. */
  private final Map<String, AreaLocator> regionLocators = new ConcurrentHashMap<>();
  /** Country polygons, read on first use (only zones need them; lookups go through regions). */
  private volatile Map<String, Geometry> countries;
  private final Map<String, String> countryNames = new ConcurrentHashMap<>();
  private final STRtree regionIndex = new STRtree();
  /** Per cell: the location of its points (cell properly inside one region) or the sorted candidates. */
  private final CellGrid<Object> cells;
  private final Map<String, PreparedGeometry> preparedRegions = new ConcurrentHashMap<>();
  private final List<String[]> borderSides = new ArrayList<>();
  private final List<Geometry> borderLines = new ArrayList<>();
  private final Map<String, Zone> zoneCache = new ConcurrentHashMap<>();
  /** The sea model, built on the first point off the shipped land (land points never pay for it). */
  private volatile SeaModel sea;
  /** The sea model's land: {@code land.geojson}, or the compact form's, read when first needed. */
  private final Supplier<SeaModel.Land> landSource;
  private SeaModel.Land land;

  private ReferenceGeography() {
    landSource = () -> SeaModel.Land.of(features(new ObjectMapper(), "land.geojson"));
    ObjectMapper json = new ObjectMapper();
    for (JsonNode f : features(json, "regions.geojson")) {
      JsonNode p = f.path("properties");
      addRegion(p.path("iso_3166_2").asText(), p.path("country").asText(), p.path("name").asText(),
          GeoJson.geometry(f.path("geometry"), "regions.geojson"));
    }
    regionIndex.build();
    cells = cellGrid();
    for (JsonNode f : features(json, "borders.geojson")) {
      JsonNode p = f.path("properties");
      addBorder(p.path("a").asText(), p.path("b").asText(), GeoJson.geometry(f.path("geometry"), "borders.geojson"));
    }
  }

  /** Rebuilt from its compact form ({@link CompactGeography}), countries included. */
  ReferenceGeography(CompactGeography.Parts parts) {
    landSource = parts.land();
    parts.regions().forEach(r -> addRegion(r.code(), r.country(), r.name(), r.geometry()));
    regionIndex.build();
    cells = cellGrid();
    parts.borders().forEach(b -> addBorder(b.a(), b.b(), b.line()));
    Map<String, Geometry> m = new TreeMap<>();
    parts.countries().forEach(c -> {
      m.put(c.code(), c.geometry());
      countryNames.put(c.code(), c.name());
    });
    countries = m;
  }

  /** The envelope of all regions. */
  private Envelope regionWindow() {
    Envelope all = new Envelope();
    regions.values().forEach(g -> all.expandToInclude(g.getEnvelopeInternal()));
    return all;
  }

  /** The cell grid over all regions; cells are classified on first use. */
  private CellGrid<Object> cellGrid() {
    return new CellGrid<>(CELL_DEGREES, regionWindow(), MAX_WINDOW_CELLS,
        (row, col) -> classifyCell(row * CELL_DEGREES, col * CELL_DEGREES));
  }

  private void addRegion(String code, String country, String name, Geometry g) {
    regions.put(code, g);
    regionCountry.put(code, country);
    regionNames.put(code, name);
    countryCodes.add(country);
    regionIndex.insert(g.getEnvelopeInternal(), code);
  }

  private void addBorder(String a, String b, Geometry line) {
    borderSides.add(new String[] {a, b});
    borderLines.add(line);
  }

  /** Everything this geography holds, for its compact form; reads the country polygons if not yet read. */
  CompactGeography.Parts parts() {
    List<CompactGeography.Area> rs = new ArrayList<>();
    regions.forEach((code, g) -> rs.add(new CompactGeography.Area(code, regionCountry.get(code), regionNames.get(code), g)));
    List<CompactGeography.Border> bs = new ArrayList<>();
    for (int i = 0; i < borderLines.size(); i++) {
      bs.add(new CompactGeography.Border(borderSides.get(i)[0], borderSides.get(i)[1], borderLines.get(i)));
    }
    List<CompactGeography.Area> cs = new ArrayList<>();
    countries().forEach((code, g) -> cs.add(new CompactGeography.Area(code, null, countryNames.get(code), g)));
    return new CompactGeography.Parts(rs, bs, cs, this::land);
  }

  /** The geography shipped with Caveat, loaded once. */
  public static ReferenceGeography shipped() {
    ReferenceGeography g = shipped;
    if (g == null) {
      synchronized (ReferenceGeography.class) {
        g = shipped;
        if (g == null) {
          shipped = g = new ReferenceGeography();
        }
      }
    }
    return g;
  }

  /**
   * The shipped geography, taken from {@code cache} in its compact form when the cache holds one
   * made from the same GeoJSON (named by the SHA-256 of the shipped files, so an edited file is
   * never served stale; or by the cache's {@link GeographyCache#build} when the files are in the
   * engine's jar), else read from the GeoJSON and its compact form handed to the cache.
   * Loaded once: later calls, and {@link #shipped()}, return the same geography.
   */
  public static ReferenceGeography shipped(GeographyCache cache) {
    synchronized (ReferenceGeography.class) {
      if (shipped == null) {
        String build = cache.build();
        String key = build != null && EngineJar.holds(ReferenceGeography.class, BASE + "regions.geojson")
            ? CompactGeography.keyOf(java.util.Map.of("shipped geography of the engine jar", build.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)))
            : CompactGeography.sourceKey(BASE, "regions.geojson", "borders.geojson", "countries.geojson", "land.geojson");
        ReferenceGeography g = CompactGeography.read(key, cache.read(key));
        if (g == null) {
          g = new ReferenceGeography();
          cache.write(key, CompactGeography.write(key, g.parts()));
        }
        shipped = g;
      }
      return shipped;
    }
  }

  private static List<JsonNode> features(ObjectMapper json, String file) {
    try (InputStream in = ReferenceGeography.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BASE + file + " (run scripts/geo/build-geography.sh)");
      }
      List<JsonNode> out = new ArrayList<>();
      json.readTree(in).path("features").forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BASE + file, e);
    }
  }

  /**
   * ISO 3166-1 alpha-2 of the shipped country covering the point, or null outside all of them.
   * Regions tile their country exactly (the build script checks it), so the country is the
   * region's.
   */
  public String country(double lat, double lon) {
    String region = region(lat, lon);
    return region == null ? null : regionCountry.get(region);
  }

  /**
   * ISO 3166-2 of the shipped region covering the point, or null outside all of them.
   *
   * <p>Cells of {@value #CELL_DEGREES}° are classified on first use: a cell properly inside one
   * region answers without a point-in-polygon test; other cells keep their candidate regions,
   * sorted so the first that covers the point is the smallest code.
   */
  public String region(double lat, double lon) {
    Object cell = cells.at(lat, lon);
    if (cell instanceof Location inside) {
      return inside.region();
    }
    Candidates candidates = (Candidates) cell;
    int i = candidates.covering(lat, lon, 0);
    return i < 0 ? null : candidates.codes[i];
  }

  /**
   * Country, region, waters and land-border flag of a point, the sea included: on a shipped
   * region the answer is {@link #region}'s; off it, the {@link SeaModel} decides (other states'
   * land, a territorial sea, or the high seas). On a land border the region that sorts first
   * wins, as in {@link #region}, and {@code onBorder} is set: the point is on the boundary of
   * its region and covered by a region of another shipped country or by another state's land.
   * A point inside a cell that lies properly within one region gets that cell's one location
   * (no allocation).
   */
  public Location locate(double lat, double lon) {
    Object cell = cells.at(lat, lon);
    if (cell instanceof Location inside) {
      return inside;
    }
    Candidates candidates = (Candidates) cell;
    for (int i = 0; i < candidates.codes.length; i++) {
      int where = candidates.locators[i].locate(lat, lon); // one scan tells covered and on the boundary
      if (where != org.locationtech.jts.geom.Location.EXTERIOR) {
        if (where == org.locationtech.jts.geom.Location.BOUNDARY && onLandBorder(candidates, i, lat, lon)) {
          return new Location(candidates.land[i].country(), candidates.codes[i], Waters.LAND, true);
        }
        return candidates.land[i];
      }
    }
    return sea().offShippedLand(lat, lon);
  }

  /** {@link #locate} with the sea decided by {@link SeaModel#offShippedLandByScan}: the reference of the sea's tests. */
  Location locateByScan(double lat, double lon) {
    Location fast = locate(lat, lon);
    return fast.waters() == Waters.LAND && fast.region() != null ? fast : sea().offShippedLandByScan(lat, lon);
  }

  private boolean onLandBorder(Candidates candidates, int found, double lat, double lon) {
    String country = candidates.land[found].country();
    for (int j = found + 1; j < candidates.codes.length; j++) {
      if (!candidates.land[j].country().equals(country) && candidates.locators[j].covers(lat, lon)) {
        return true;
      }
    }
    return sea().onForeignLand(lat, lon);
  }

  private SeaModel sea() {
    SeaModel s = sea;
    if (s == null) {
      synchronized (this) {
        if (sea == null) {
          sea = new SeaModel(land(), regionIndex,
              code -> (GeometryZone) area(code), regionCountry::get, regionWindow());
        }
        s = sea;
      }
    }
    return s;
  }

  synchronized SeaModel.Land land() {
    if (land == null) land = landSource.get();
    return land;
  }

  /**
   * A cell on a boundary: the regions whose envelope meets it, sorted by code, with their
   * locators and the location of a point inside each (off any land border).
   */
  private record Candidates(String[] codes, AreaLocator[] locators, Location[] land) {
    /** The first candidate from {@code from} on that covers the point, or −1. */
    int covering(double lat, double lon, int from) {
      for (int i = from; i < codes.length; i++) {
        if (locators[i].covers(lat, lon)) return i;
      }
      return -1;
    }
  }

  private Object classifyCell(double south, double west) {
    Envelope env = new Envelope(west, west + CELL_DEGREES, south, south + CELL_DEGREES);
    @SuppressWarnings("unchecked")
    List<String> candidates = new ArrayList<>(regionIndex.query(env));
    Collections.sort(candidates);
    Geometry box = GeoJson.FACTORY.toGeometry(env);
    for (String code : candidates) {
      if (prepared(code).containsProperly(box)) {
        return landLocation(code);
      }
    }
    // A region whose envelope meets the cell but whose area does not (the closed box, edges
    // included) covers no point of the cell: dropping it changes no answer and saves its
    // point-in-polygon test on every query in the cell.
    candidates.removeIf(code -> !prepared(code).intersects(box));
    AreaLocator[] locators = new AreaLocator[candidates.size()];
    Location[] land = new Location[candidates.size()];
    for (int i = 0; i < locators.length; i++) {
      locators[i] = locator(candidates.get(i));
      land[i] = landLocation(candidates.get(i));
    }
    return new Candidates(candidates.toArray(new String[0]), locators, land);
  }

  private Location landLocation(String region) {
    return new Location(regionCountry.get(region), region, Waters.LAND, false);
  }

  private PreparedGeometry prepared(String region) {
    PreparedGeometry p = preparedRegions.get(region);
    return p != null ? p : preparedRegions.computeIfAbsent(region, r -> PreparedGeometryFactory.prepare(regions.get(r)));
  }

  private AreaLocator locator(String region) {
    AreaLocator l = regionLocators.get(region);
    return l != null ? l : regionLocators.computeIfAbsent(region, r -> new AreaLocator(regions.get(r)));
  }

  private Map<String, Geometry> countries() {
    Map<String, Geometry> c = countries;
    if (c == null) {
      synchronized (this) {
        if (countries == null) {
          Map<String, Geometry> m = new TreeMap<>();
          for (JsonNode f : features(new ObjectMapper(), "countries.geojson")) {
            m.put(f.path("properties").path("iso_a2").asText(), GeoJson.geometry(f.path("geometry"), "countries.geojson"));
            countryNames.put(f.path("properties").path("iso_a2").asText(), f.path("properties").path("name").asText());
          }
          countries = m;
        }
        c = countries;
      }
    }
    return c;
  }

  public Set<String> countryCodes() {
    return Collections.unmodifiableSet(countryCodes);
  }

  /** Whether a code names a shipped region or country. */
  public boolean hasArea(String code) {
    return regions.containsKey(code) || countryCodes.contains(code);
  }

  public Set<String> regionCodes() {
    return Collections.unmodifiableSet(regions.keySet());
  }

  public String regionName(String code) {
    return regionNames.get(code);
  }

  /** The English name of a shipped country ("Ukraine"), or null for an unknown code. */
  public String countryName(String code) {
    countries();
    return countryNames.get(code);
  }

  /** The country a region belongs to (de jure), or null for an unknown code. */
  public String countryOfRegion(String code) {
    return regionCountry.get(code);
  }

  /** A shipped region or country as an area zone; null for an unknown code. */
  public Zone area(String code) {
    Geometry g = regions.containsKey(code) ? regions.get(code) : countryCodes.contains(code) ? countries().get(code) : null;
    if (g == null) {
      return null;
    }
    return zoneCache.computeIfAbsent("area:" + code, k -> Zones.of(code, g));
  }

  /**
   * The shipped region or country {@code code} as an area zone called {@code name}; null for an
   * unknown code. Kept per name and code like {@link #border}, so pack versions share its
   * prepared thresholds.
   */
  public Zone area(String name, String code) {
    Zone shipped = area(code);
    if (shipped == null) {
      return null;
    }
    return zoneCache.computeIfAbsent("area:" + code + '\u0000' + name, k -> Zones.of(name, shipped.geometry()));
  }

  /**
   * The land border line between two sides, each a set of country or region codes; null when
   * the sides share no border in the shipped data. The zone is kept per name and sides, so every
   * pack version naming the same border shares one zone and so one set of prepared thresholds
   * (each costs a JTS buffer; built per version, they were rebuilt in every long run). Zones of
   * the same sides under different names (the packs' {@code ua_ru_border} and
   * {@link #uaRuBorder}) share one line, its edge index and its thresholds: a {@link GeoMemo}
   * recognises the facts' border by its edges.
   */
  public Zone border(String name, Set<String> sideA, Set<String> sideB) {
    String key = "border:" + name + '\u0000' + new TreeSet<>(sideA) + '\u0000' + new TreeSet<>(sideB);
    Zone known = zoneCache.get(key);
    if (known != null) {
      return known;
    }
    // Not computeIfAbsent: borderLine below adds its own entry, and a mapping function must not update the map.
    GeometryZone line = borderLine(sideA, sideB);
    if (line == null) {
      return null;
    }
    Zone named = line.named(name);
    Zone raced = zoneCache.putIfAbsent(key, named);
    return raced != null ? raced : named;
  }

  /** The merged border line of two sides, kept per pair of sides in either order (the merge is symmetric). */
  private GeometryZone borderLine(Set<String> sideA, Set<String> sideB) {
    String a = new TreeSet<>(sideA).toString(), b = new TreeSet<>(sideB).toString();
    String key = "line:" + (a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a);
    Zone known = zoneCache.get(key);
    if (known != null) {
      return (GeometryZone) known;
    }
    GeometryZone made = mergedBorder(sideA, sideB);
    if (made == null) {
      return null;
    }
    Zone raced = zoneCache.putIfAbsent(key, made);
    return raced != null ? (GeometryZone) raced : made;
  }

  private GeometryZone mergedBorder(Set<String> sideA, Set<String> sideB) {
    List<Geometry> parts = new ArrayList<>();
    for (int i = 0; i < borderLines.size(); i++) {
      String a = borderSides.get(i)[0], b = borderSides.get(i)[1];
      if ((matches(sideA, a) && matches(sideB, b)) || (matches(sideA, b) && matches(sideB, a))) {
        parts.add(borderLines.get(i));
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    LineMerger merger = new LineMerger();
    parts.forEach(merger::add);
    Geometry merged = GeoJson.FACTORY.buildGeometry(merger.getMergedLineStrings());
    return new GeometryZone("border of " + sideA + " and " + sideB, merged);
  }

  private boolean matches(Set<String> side, String region) {
    return side.contains(region) || side.contains(regionCountry.get(region));
  }

  /** The whole land border between Ukraine and Russia, used for {@code distance_to_border_km}. */
  public Zone uaRuBorder() {
    // border() keeps it (one instance, so a GeoMemo can recognise its edges); no computeIfAbsent
    // around it, whose mapping function would update the same map.
    return border("UA|RU border", Set.of("UA"), Set.of("RU"));
  }
}
