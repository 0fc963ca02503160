/**
 * JSON in and out (Jackson): requests parsed with a positioned error for every malformed field,
 * input streams split into requests (NDJSON line-framed, a pretty-printed object or a top-level
 * array; one bad line never takes another with it; strict UTF-8, no duplicate keys), and answers written with a fixed field order and number format, byte for byte
 * deterministic.
 */
package org.caveat.json;
