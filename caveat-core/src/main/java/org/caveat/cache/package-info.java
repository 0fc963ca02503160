/**
 * The byte form of the compiled-pack cache ({@link org.caveat.CompiledPackCache}): an
 * {@code Encoder} and a {@code Decoder} of variable-length integers, exact doubles and strings
 * (each distinct string written once, then referred to by its index). Depends on nothing else in
 * Caveat; {@code program} encodes its nodes with it, {@code compile} the versions around them.
 * A decoder never trusts its input: every length and index is checked, and any inconsistency is a
 * {@link org.caveat.cache.Decoder.Corrupt}, which callers read as "no cache".
 */
package org.caveat.cache;
