package org.caveat.json;

/**
 * A malformed request: a stable code, a message saying what is wrong, and where — a JSON Pointer
 * into the request ({@code /target/location/lat}), prefixed by the input line for streams.
 */
public record RequestError(String id, String code, String message, String at) {}
