package org.caveat.policy;

/**
 * What a rule rests on: the outlet, date, URL (or why there is none), the exact quote, who said it
 * according to whom, and how reliable it is. A reader must be able to follow every source, so a
 * version file gives either {@code url} or {@code no_url_reason}.
 */
public record Source(String id, String outlet, String date, String url, String noUrlReason, String quote,
    String attribution, Reliability reliability, Span at) {}
