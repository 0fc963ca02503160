/**
 * The console's map data: the shipped geography simplified for display (countries, admin-1
 * regions, labels), each version's zones as GeoJSON, the permitted area of a use profile and the
 * area gained and lost between two versions. Display geometry is simplified and cached once;
 * every area and decision is computed on the exact geometry by caveat-core.
 */
package org.caveat.server.map;
