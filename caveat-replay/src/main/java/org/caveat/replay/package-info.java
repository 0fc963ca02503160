/** Replay of reported events: readers for ACLED, NDJSON and GeoJSON, the CEL mapping from rows to requests, the streaming ordered runner, synthetic events. */
package org.caveat.replay;
