/**
 * {@code POST /v1/events/decide}: an event file (ACLED CSV, NDJSON, GeoJSON) replayed by
 * caveat-replay's readers, mapping and runner, streamed back as NDJSON in input order with each
 * event's position, every decision logged durably before its line is sent.
 */
package org.caveat.server.events;
