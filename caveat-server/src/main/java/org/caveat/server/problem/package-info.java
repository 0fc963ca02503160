/**
 * RFC 9457 problem details: every error the service answers is an {@code application/problem+json}
 * document saying what went wrong and where (field, line, column, hint), never a stack trace.
 */
package org.caveat.server.problem;
