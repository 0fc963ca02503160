package org.caveat.program;

import org.caveat.geo.Zone;

/** A compiled zone with its memo slot in {@link EvalContext}. */
public record ZoneRef(String name, Zone zone, int slot) {}
