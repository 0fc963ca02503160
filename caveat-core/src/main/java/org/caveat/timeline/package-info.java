/**
 * Policy over time, as data: every version of a grant in date order with what changed against the
 * previous one ({@link org.caveat.timeline.Timeline}, in compact form {@link
 * org.caveat.timeline.TimelineOverview}), and how decisions move when an assumption
 * is varied ({@link org.caveat.timeline.Sensitivity}). Pure: no I/O, no clock, no CLI; the same
 * packs and arguments give the same result.
 */
package org.caveat.timeline;
