/** Benchmarks of the store (main classes, not tests): they report figures and assert nothing. */
package org.caveat.store.bench;
