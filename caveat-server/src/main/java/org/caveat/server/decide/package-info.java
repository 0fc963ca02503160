/**
 * Decisions over HTTP: reading a body of one request, a JSON array or NDJSON; deciding with the
 * live engine; rendering answers byte for byte as {@code caveat check} does (caveat-core's
 * {@link org.caveat.json.AnswerWriter}); and acknowledging only once every decision's log entry
 * is durable.
 */
package org.caveat.server.decide;
