// Fake but well-formed national identifiers. RPPS, FINESS and SIREN/SIRET all end with a
// Luhn check digit, so the demo data passes the same checks as real data.
import { luhnValid } from '#src/directory/formats/luhn.ts';

/** appends the Luhn check digit to a digit string */
export function withLuhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(body + d)) return body + d;
  }
  throw new Error(`no Luhn digit for ${body}`);
}

// Real RPPS numbers start with 10; the ANS test cards use 997…, so demo people can never be
// mistaken for (or collide with) a real professional.
export function demoRpps(index: number): string {
  return withLuhnDigit(`9970${String(index * 37 + 101).padStart(6, '0')}`);
}

/** 9-character FINESS: département, "0", sequence, Luhn key */
export function demoFiness(departement: string, sequence: number): string {
  return withLuhnDigit(`${departement}0${String(sequence).padStart(5, '0')}`);
}

/** 14-digit SIRET: a Luhn-valid SIREN, then a NIC chosen so the whole SIRET is Luhn-valid */
export function demoSiret(sirenBody: string, establishment: number): string {
  const siren = withLuhnDigit(sirenBody.padStart(8, '0'));
  return withLuhnDigit(`${siren}${String(establishment).padStart(4, '0')}`);
}
