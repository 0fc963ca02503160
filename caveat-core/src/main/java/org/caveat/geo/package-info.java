/**
 * Geography: the shipped reference regions, compiled zones and geodesic measurement.
 *
 * <p>Everything here works in WGS84 degrees. Containment is planar in longitude/latitude and
 * includes the boundary (JTS's ray-crossing counter over a banded edge index, the same answers as
 * JTS's {@code IndexedPointInAreaLocator} without its lock); distances are geodesic on the
 * WGS84 ellipsoid (GeographicLib) and follow PostGIS {@code geography} semantics, so that the
 * values agree with {@code ST_Distance(geography, geography)} on the same geometry. A figure
 * rounded to the metre (the answer's border distance) is taken from a chord-method distance with a
 * stated error bound ({@code ChordGeodesic}) when the bound proves the metre, GeographicLib otherwise.
 *
 * <p>Structures are built once (per policy version) and queried many times: point-in-area
 * locators, per-cell candidate lists for nearest-segment search (flat cell grids, no boxed keys),
 * and threshold zones that answer "within N km" without a geodesic computation for all but a
 * thin ring of points. The sea model classifies its cells once (land, water, the coasts that can
 * matter) and tells the nearest coast by spherical bounds on geodesic distances
 * ({@code GeodesicBounds}), with an exact distance only where the bounds cannot decide.
 *
 * <p>Depends on nothing else in Caveat.
 */
package org.caveat.geo;
