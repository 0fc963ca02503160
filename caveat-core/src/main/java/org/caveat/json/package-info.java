/**
 * JSON in and out (Jackson): requests parsed with a positioned error for every malformed field,
 * input streams split into requests (object, array or NDJSON, one bad item never stops the
 * rest), and answers written with a fixed field order and number format, byte for byte
 * deterministic.
 */
package org.caveat.json;
