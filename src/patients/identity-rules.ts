// Identity statuses and what may be done with an INS (domain/rules.md §2). Pure: facts in, decision out.
// Two facts decide the status: I = traits retrieved through the INSi teleservice, C = traits checked
// against a high-trust identity document. PROV (neither), RECUP (I), VALI (C), QUAL (I and C).
import { BadInput, Conflict } from '#src/core/http/errors.ts';

export type IdentityStatus = 'PROV' | 'RECUP' | 'VALI' | 'QUAL';
/** Attributes of the RNIV: doubtful, fictitious, homonyms, possible/confirmed duplicate and collision. */
export type IdentityAttribute = 'DOUT' | 'FICT' | 'HOMD' | 'HOMA' | 'DPOT' | 'DOUA' | 'COLP' | 'COLV';
export type IdentityFacts = { retrieved: boolean; checked: boolean; attributes: readonly IdentityAttribute[] };

export type IdentityEvent =
  | { type: 'insi_retrieved' }
  | { type: 'document_checked'; mode: string }
  | { type: 'strict_trait_edited' }
  | { type: 'attribute_set'; attribute: IdentityAttribute }
  | { type: 'attribute_cleared'; attribute: IdentityAttribute };

export const INS_OIDS = {
  nir: '1.2.250.1.213.1.4.8',
  nia: '1.2.250.1.213.1.4.9',
  nirTest: '1.2.250.1.213.1.4.10',
  nirDemo: '1.2.250.1.213.1.4.11',
} as const;

function isDoubtfulOrFictitious(facts: IdentityFacts): boolean {
  return facts.attributes.includes('DOUT') || facts.attributes.includes('FICT');
}

function hasOpenCollision(facts: IdentityFacts): boolean {
  return facts.attributes.includes('COLP') || facts.attributes.includes('COLV');
}

/**
 * The status the facts give. R-INS-2: a doubtful or fictitious identity is PROV. R-INS-7 (design rule):
 * an identity with an open collision is never QUAL — the record may mix two people, so a document
 * check of "this record" proves nothing; it counts as not checked.
 */
export function statusOf(facts: IdentityFacts): IdentityStatus {
  if (isDoubtfulOrFictitious(facts)) return 'PROV';
  const checked = facts.checked && !hasOpenCollision(facts);
  if (facts.retrieved) return checked ? 'QUAL' : 'RECUP';
  return checked ? 'VALI' : 'PROV';
}

/** R-INS-2: no INSi call for a doubtful or fictitious identity. */
export function mayCallInsi(facts: IdentityFacts): boolean {
  return !isDoubtfulOrFictitious(facts);
}

/** What an event does to the facts; refuses what the rules forbid (409, or 400 for a bad attribute pair). */
export function applyIdentityEvent(facts: IdentityFacts, event: IdentityEvent): IdentityFacts {
  switch (event.type) {
    case 'insi_retrieved':
      if (!mayCallInsi(facts)) throw new Conflict('identity.insi_forbidden', 'No INSi call for a doubtful or fictitious identity');
      return { ...facts, retrieved: true };
    case 'document_checked':
      return { ...facts, checked: true };
    case 'strict_trait_edited':
      return editStrictTrait(facts);
    case 'attribute_set':
      return setAttribute(facts, event.attribute);
    case 'attribute_cleared':
      return { ...facts, attributes: facts.attributes.filter((a) => a !== event.attribute) };
  }
}

/**
 * R-INS-4: the strict traits of a RECUP or QUAL identity come from INSi and only a new INSi call
 * changes them; editing a strict trait of a VALI identity loses the document check (back to PROV).
 */
function editStrictTrait(facts: IdentityFacts): IdentityFacts {
  if (facts.retrieved && !isDoubtfulOrFictitious(facts)) {
    throw new Conflict('identity.strict_traits_read_only', 'Strict traits retrieved from INSi are read-only');
  }
  return { ...facts, checked: false, retrieved: false };
}

function setAttribute(facts: IdentityFacts, attribute: IdentityAttribute): IdentityFacts {
  const other = attribute === 'DOUT' ? 'FICT' : attribute === 'FICT' ? 'DOUT' : null;
  if (other && facts.attributes.includes(other)) {
    throw new BadInput('identity.doubtful_and_fictitious', 'DOUT and FICT cannot be set together', { attribute: `${other} is already set` });
  }
  if (facts.attributes.includes(attribute)) return facts;
  return { ...facts, attributes: [...facts.attributes, attribute] };
}

/** R-INS-1: the matricule INS leaves Trame (exchange, document, DMP, API) only for a qualified identity. */
export function mayShareIns(status: IdentityStatus): boolean {
  return status === 'QUAL';
}

/** R-INS-3: the OIDs of test and demo INS are refused in production, with an explicit error. */
export function checkInsOid(oid: string, production: boolean): void {
  const known: string[] = Object.values(INS_OIDS);
  if (!known.includes(oid)) throw new BadInput('identity.oid_unknown', `Not an INS OID: ${oid}`, { oid: 'not an INS OID' });
  if (production && (oid === INS_OIDS.nirTest || oid === INS_OIDS.nirDemo)) {
    throw new BadInput('identity.oid_test_in_production', 'Test and demo INS are refused in production', { oid: 'test or demo INS in production' });
  }
}
