package org.caveat.policy;

/**
 * What a rule rests on: the outlet, date, URL if any, the exact quote, who said it according to
 * whom, and how reliable it is.
 */
public record Source(String id, String outlet, String date, String url, String quote,
    String attribution, Reliability reliability, Span at) {}
