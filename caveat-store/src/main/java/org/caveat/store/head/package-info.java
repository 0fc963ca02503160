/**
 * Signed tree heads, as Certificate Transparency signs its log (RFC 6962 §3.5, RFC 9162 §4.10):
 * the log's size, root hash and a time, signed with an Ed25519 key (the JDK's
 * {@code java.security}) that lives in a file outside the database. A head saved by anyone
 * outside lets them prove later that the log was cut short or rewritten, which the database
 * alone cannot show: whoever can write the rows can also rewrite every hash in them.
 */
package org.caveat.store.head;
