/**
 * Access control: bearer tokens resolved to principals through the store's token interface, and
 * the role each route needs. A missing or unknown token is 401 (with {@code WWW-Authenticate}); a
 * known token without the role is 403.
 */
package org.caveat.server.auth;
