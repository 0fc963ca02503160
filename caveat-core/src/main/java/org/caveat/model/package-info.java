/**
 * The request: one proposed or reported use of a weapon, as docs/SEMANTICS.md defines it, with its
 * vocabularies and the catalogue of attributes that policy conditions may read.
 *
 * <p>Depends only on {@code org.caveat.geo} (for positions).
 */
package org.caveat.model;
