/**
 * The policy model: grants, their dated versions, rules, zones, assumptions and sources, as read
 * from a pack and before compilation. Plain immutable values; also {@link Diagnostic}, the error
 * value every stage reports problems with.
 */
package org.caveat.policy;
