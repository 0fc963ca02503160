/**
 * Diffs between two policy versions (of one grant or of two grants): rules added, removed and
 * changed condition by condition, assumptions changed, the geodesic area each zone gained and
 * lost, and the requests whose verdict flips. Pure: no I/O and no CLI code; the command
 * {@code caveat diff} presents these results.
 */
package org.caveat.diff;
