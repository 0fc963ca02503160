/**
 * HTTP plumbing shared by every route: the route table (method, path, role — also the source of
 * truth the OpenAPI test checks), request bodies within limits, and the mapping of every failure
 * to problem+json.
 */
package org.caveat.server.http;
