/**
 * The ordered batch pipeline both front ends stream through ({@code caveat check}, {@code caveat
 * replay} and the service's event route): one reading thread, a pool of workers, one writer that
 * takes finished batches in input order, with bounded memory. Pure {@code java.util.concurrent}:
 * it reads, works and writes only through the functions its callers hand it.
 */
package org.caveat.batch;
