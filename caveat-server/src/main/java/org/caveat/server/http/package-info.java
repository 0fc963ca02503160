/**
 * HTTP plumbing shared by every route: the route table (method, path, role — also the source of
 * truth the OpenAPI test checks), request bodies within limits, the mapping of every failure
 * to problem+json, and the indented JSON documents of the resource routes.
 */
package org.caveat.server.http;
