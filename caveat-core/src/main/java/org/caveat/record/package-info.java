/**
 * The generated, human-readable record of the packs ({@code caveat doc packs}): one Markdown page
 * per grant (versions, rules in plain words, assumptions, every source with its quote and link)
 * and an index whose table "may strike in Russia?" is derived by deciding a fixed set of probe
 * requests ({@link org.caveat.record.StrikeProbes}) with the library, never written by hand. It
 * records what suppliers publicly permitted as the packs encode it; it ranks or suggests nothing.
 * Pure: the pages are returned as text, the same packs give the same bytes (no clock, sorted).
 */
package org.caveat.record;
