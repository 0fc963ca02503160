/**
 * What the web console needs beyond the decision API: who the caller is and what it may do
 * ({@code /v1/whoami}), the request vocabularies ({@code /v1/vocabularies}), and the static
 * assets (the console itself, Leaflet and Swagger UI from their webjars) under a strict
 * Content-Security-Policy.
 */
package org.caveat.server.console;
