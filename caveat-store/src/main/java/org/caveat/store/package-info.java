/** Durable state behind small interfaces: the decision log, tokens, change requests and published versions, on SQLite (default) or PostgreSQL. */
package org.caveat.store;
