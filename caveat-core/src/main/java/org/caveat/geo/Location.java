package org.caveat.geo;

/**
 * What the shipped geography says about a point: its country and region (on land the covering
 * region, at sea the coastal region whose territorial sea holds it, null elsewhere), its
 * {@link Waters}, and whether it lies exactly on a land border.
 */
public record Location(String country, String region, Waters waters, boolean onBorder) {}
