package org.caveat.decide;

import java.util.List;
import org.caveat.program.CompiledRule;
import org.caveat.program.CompiledVersion;

/**
 * How one applicable grant decided.
 *
 * @param version      the version in force, or null when the request predates the grant
 * @param determining  the rules that decided: matching forbids (FORBIDDEN), matching permits
 *                     (PERMITTED), or the rules left unknown that could change the outcome
 *                     (MISSING_ATTRIBUTES); empty for NOT_PERMITTED
 * @param missing      attribute bit set (see {@link org.caveat.model.Attribute#bit()})
 */
public record GrantDecision(CompiledGrant grant, CompiledVersion version, Outcome outcome, Basis basis,
    List<CompiledRule> determining, long missing) {}
