/**
 * The {@code caveat} command line (picocli): {@code check} answers requests in bulk, in input
 * order, using every core; {@code validate} loads and compiles policy packs and reports every
 * problem. Exit codes: 0 fine, 1 policy or unexpected problem, 2 some request was malformed,
 * 64 wrong usage. Nothing here decides anything; all policy logic lives in caveat-core.
 */
package org.caveat.cli;
