/** The HTTP decision service (Javalin): native /v1 API, AuthZEN 1.0, problem+json errors; it knows storage only through org.caveat.store interfaces. */
package org.caveat.server;
