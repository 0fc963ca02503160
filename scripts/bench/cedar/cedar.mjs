// Cedar through @cedar-policy/cedar-wasm as Node users call it: the policy set parsed once
// (preparsePolicySet), then one statefulIsAuthorized per request. Verdicts are rendered in the
// form CedarSideBySide writes Caveat's, so the two can be compared line by line.
import { readFileSync } from 'node:fs';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';

export const version = cedar.getCedarVersion();

/** One call into wasm that does next to nothing: the floor of any Cedar call. */
export const cedarVersion = () => cedar.getCedarVersion();

function ok(answer, what) {
  if (answer.type !== 'success') throw new Error(`${what}: ${JSON.stringify(answer.errors)}`);
  return answer;
}

/**
 * The policies of a .cedar file keyed by their @id annotation (a policy set given as one string
 * would be named policy0, policy1, …), in file order; validated against the schema (strict).
 */
export function loadPolicies(policyFile, schemaFile) {
  const parts = ok(cedar.policySetTextToParts(readFileSync(policyFile, 'utf8')), policyFile).policies;
  const byId = {};
  for (const text of parts) {
    const id = ok(cedar.policyToJson(text), policyFile).json.annotations?.id;
    if (!id || byId[id]) throw new Error(`${policyFile}: every policy needs a unique @id, got ${id}`);
    byId[id] = text;
  }
  const checked = ok(cedar.validate({ schema: readFileSync(schemaFile, 'utf8'), policies: { staticPolicies: byId } }), 'validate');
  if (checked.validationErrors.length > 0) throw new Error(`validation: ${JSON.stringify(checked.validationErrors)}`);
  return byId;
}

/** Parses a policy set once into Cedar's cache; calls name it by id. */
export function preparse(id, byId) {
  ok(cedar.preparsePolicySet(id, { staticPolicies: byId }), `preparse ${id}`);
}

/** The calls of a policy set, built before timing so the loop only calls Cedar. */
export function calls(cedarRequests, policySetId) {
  return cedarRequests.map((c) => ({ ...c, preparsedPolicySetId: policySetId }));
}

export function authorize(call) {
  return cedar.statefulIsAuthorized(call);
}

/** Cedar's answer as "DECISION\tbasis\trule,rule" with the reasons in policy file order. */
export function verdict(answer, order) {
  if (answer.type !== 'success') return `ERROR\t${JSON.stringify(answer.errors)}\t`;
  const { decision, diagnostics } = answer.response;
  if (diagnostics.errors.length > 0) return `ERROR\t${JSON.stringify(diagnostics.errors)}\t`;
  const reasons = [...diagnostics.reason].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(',');
  if (decision === 'allow') return `PERMIT\tpermitted\t${reasons}`;
  return reasons ? `DENY\tforbidden\t${reasons}` : 'DENY\tnot_permitted\t';
}
