package org.caveat.report;

import java.time.Clock;
import org.caveat.Caveat;

/** What a report was configured with. */
record ReportSettings(Caveat engine, String title, String inputName, Clock clock, int maxMarkers,
    int maxDeniesListed, int maxBadRows) {}
