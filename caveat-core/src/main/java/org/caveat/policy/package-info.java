/**
 * The policy model: grants, their dated versions, rules, zones, assumptions and sources, as read
 * from a pack and before compilation. Plain immutable values; also {@link Diagnostic}, the error
 * value every stage reports problems with, and {@link Setting}, the run setting (assumption override,
 * reliability filter) a diagnostic is about when it is not about a pack file.
 */
package org.caveat.policy;
