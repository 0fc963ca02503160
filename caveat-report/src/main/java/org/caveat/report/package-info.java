/** The self-contained HTML report of a replay: counts, reasons, denials with sources, and an SVG map of zones and events. */
package org.caveat.report;
