/** Operating the service: health, Prometheus metrics and the OpenAPI document. */
package org.caveat.server.ops;
