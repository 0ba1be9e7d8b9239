// The NIR (numéro d'inscription au répertoire) and the NIA, as domain/rules.md §1 describes them:
// format and key (R-NIR-1, hard), unusual sex digits and months (R-NIR-2, warnings only, because the
// RNIPP is the authority), and coherence with the identity's strict traits.

export type NirCheck =
  | { valid: true; nir: string; warnings: string[] }
  | { valid: false; reason: 'length' | 'characters' | 'key' };

const SHAPE = /^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}$/;
const USUAL_MONTHS = /^(0[1-9]|1[0-2]|20|3[0-9]|4[0-2]|[5-9][0-9])$/;

/** Strips spaces and upper-cases, as a NIR is typed or read from a card. */
export function normaliseNir(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * The key of the 13-character body: 97 − (N mod 97), where Corsica's 2A and 2B count as 19 and 18.
 * Reading them as 20 would give both Corsican bodies the same wrong key.
 */
export function nirKey(body: string): number {
  const digits = body.slice(0, 5) + body.slice(5, 7).replace('2A', '19').replace('2B', '18') + body.slice(7, 13);
  return 97 - Number(BigInt(digits) % 97n);
}

export function checkNir(input: string): NirCheck {
  const nir = normaliseNir(input);
  if (nir.length !== 15) return { valid: false, reason: 'length' };
  if (!SHAPE.test(nir)) return { valid: false, reason: 'characters' };
  if (Number(nir.slice(13)) !== nirKey(nir.slice(0, 13))) return { valid: false, reason: 'key' };
  const warnings: string[] = [];
  if (!'12'.includes(nir[0]!)) warnings.push('sex digit other than 1 or 2 (provisional number?)');
  if (!USUAL_MONTHS.test(nir.slice(3, 5))) warnings.push(`unusual birth month ${nir.slice(3, 5)}`);
  return { valid: true, nir, warnings };
}

export type StrictTraits = { sex: 'F' | 'M' | 'U'; birthDate: string; birthplaceInsee: string | null };
export type Incoherence = { trait: 'sex' | 'birthDate' | 'birthplace'; severity: 'error' | 'warning'; message: string };

/**
 * Where a valid NIR and the identity's strict traits disagree. Sex, year and a real month (01-12) must
 * match: an error. The birthplace is a warning only: commune codes change with mergers, and people born
 * in Algeria, Morocco or Tunisia before independence carry 91-96 rather than 99 + a country.
 */
export function nirIncoherences(nir: string, traits: StrictTraits): Incoherence[] {
  const found: Incoherence[] = [];
  const sexDigit = nir[0];
  const expectedSex = sexDigit === '1' ? 'M' : sexDigit === '2' ? 'F' : null;
  if (expectedSex && traits.sex !== 'U' && traits.sex !== expectedSex) {
    found.push({ trait: 'sex', severity: 'error', message: `the NIR says ${expectedSex}` });
  }
  if (nir.slice(1, 3) !== traits.birthDate.slice(2, 4)) {
    found.push({ trait: 'birthDate', severity: 'error', message: `the NIR says a birth year ending in ${nir.slice(1, 3)}` });
  }
  const month = Number(nir.slice(3, 5));
  if (month >= 1 && month <= 12 && nir.slice(3, 5) !== traits.birthDate.slice(5, 7)) {
    found.push({ trait: 'birthDate', severity: 'error', message: `the NIR says month ${nir.slice(3, 5)}` });
  }
  if (traits.birthplaceInsee && nir.slice(5, 10) !== traits.birthplaceInsee.toUpperCase()) {
    found.push({ trait: 'birthplace', severity: 'warning', message: `the NIR says birthplace ${nir.slice(5, 10)}` });
  }
  return found;
}
