// Pure conversions between Trame's traits and the INSi teleservice's, and the meaning of its answer
// codes. No I/O: `envelopes.ts` puts these values into SOAP, `soap-client.ts` sends them.
// Sources for every choice are in README.md in this folder.
import { BadInput } from '#src/core/http/errors.ts';
import { checkNir, nirKey } from '#src/patients/nir.ts';
import type { InsiIdentity, InsiSearchTraits } from './types.ts';

/** The traits of one RECSANSVITALE request (XSD INSi_RECSANS_INS.xsd, type TraitsDIdentite). */
export type InsiRequestTraits = {
  NomNaissance: string;
  /** one given name, or the whole list space-separated, as the published clients send it */
  Prenom: string;
  Sexe: 'F' | 'M';
  /** DateLunaire, YYYY-MM-DD */
  DateNaissance: string;
  /** COG (INSEE code) of the birthplace, 5 characters */
  LieuNaissance: string | null;
};

/** The INS part of an answer (INSi_RESULTAT_INS.xsd: INDIVIDU/INSACTIF and INDIVIDU/TIQ). */
export type InsiAnswerIndividual = {
  NumIdentifiant: string;
  Cle: string | null;
  OID: string;
  NomNaissance: string;
  Prenom: string | null;
  ListePrenom: string;
  Sexe: string;
  DateNaissance: string;
  LieuNaissance: string;
};

/** CodeCR of a search answer (RESULTAT/CR), with the LibelleCR the service sends. */
export const SEARCH_CR = {
  found: { code: '00', label: 'OK' },
  notFound: { code: '01', label: 'Aucune identite trouvee' },
  several: { code: '02', label: 'Plusieurs identites trouvees' },
} as const;

/**
 * CodeCR of a verification answer. [ASSUMPTION] No published schema of the verification operation was
 * found; 00/01 follow the search codes, 03 for "found, traits differ" is ours. Kept in one table so the
 * real codes, once read in the CNAM guide, are a one-line change.
 */
export const VERIFY_CR = {
  valid: { code: '00', label: 'OK' },
  notFound: { code: '01', label: 'Aucune identite trouvee' },
  invalid: { code: '03', label: 'Traits non concordants' },
} as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COG = /^(?:[0-9]{2}|2A|2B)[0-9]{3}$/;

/**
 * A name as INSi expects it: upper case, no diacritics, ligatures spelled out, typographic apostrophes
 * made plain, spaces collapsed (the published client accepts only A-Z, space, hyphen and apostrophe).
 * Other characters are kept, not silently dropped: the service decides, and the XML escaping copes.
 */
export function toInsiName(name: string): string {
  return name
    .replace(/[Œœ]/g, (c) => (c === 'Œ' ? 'OE' : 'oe'))
    .replace(/[Ææ]/g, (c) => (c === 'Æ' ? 'AE' : 'ae'))
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Birth given names as a list: INSi's ListePrenom is space-separated, so is Trame's `givenNames`. */
export function givenNameList(givenNames: string): string[] {
  return toInsiName(givenNames).split(' ').filter(Boolean);
}

function isRealDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** Refuses traits INSi cannot be asked about (400: the caller's input, not the service, is wrong). */
export function checkSearchTraits(traits: InsiSearchTraits): void {
  const fields: Record<string, string> = {};
  if (!toInsiName(traits.birthName)) fields.birthName = 'required';
  if (!givenNameList(traits.givenNames).length) fields.givenNames = 'required';
  if (!isRealDate(traits.birthDate)) fields.birthDate = 'YYYY-MM-DD expected';
  if (traits.sex !== 'F' && traits.sex !== 'M') fields.sex = 'F or M expected';
  if (traits.birthplaceInsee !== null && !COG.test(traits.birthplaceInsee.toUpperCase())) {
    fields.birthplaceInsee = 'a 5-character INSEE code expected';
  }
  if (Object.keys(fields).length) throw new BadInput('insi.bad_traits', 'These traits cannot be sent to INSi', fields);
}

/** Trame's traits with one `Prenom` value (a single given name or the whole list). */
export function toInsiTraits(traits: InsiSearchTraits, prenom: string): InsiRequestTraits {
  return {
    NomNaissance: toInsiName(traits.birthName),
    Prenom: toInsiName(prenom),
    Sexe: traits.sex,
    DateNaissance: traits.birthDate,
    LieuNaissance: traits.birthplaceInsee ? traits.birthplaceInsee.toUpperCase() : null,
  };
}

/**
 * The searches to try, in order: the first birth given name, then, when there are several, the whole
 * list (the published client of padoa/tlsi-ins tries each name then the list; the ANS advice on a
 * "02" answer is to add the other given names). Stop at the first "00".
 */
export function searchAttempts(traits: InsiSearchTraits): InsiRequestTraits[] {
  checkSearchTraits(traits);
  const names = givenNameList(traits.givenNames);
  const attempts = [toInsiTraits(traits, names[0]!)];
  if (names.length > 1) attempts.push(toInsiTraits(traits, names.join(' ')));
  return attempts;
}

/** "185077505612323" → { NumIdentifiant: "1850775056123", Cle: "23" } (XSD Matricule) */
export function splitMatricule(matricule: string): { NumIdentifiant: string; Cle: string } {
  const check = checkNir(matricule);
  if (!check.valid) throw new BadInput('insi.bad_matricule', `Not a valid INS matricule (${check.reason})`, { matricule: check.reason });
  return { NumIdentifiant: check.nir.slice(0, 13), Cle: check.nir.slice(13) };
}

/** NumIdentifiant + Cle; the key is computed when the answer omits it (Cle is optional in the XSD). */
export function joinMatricule(numIdentifiant: string, cle: string | null): string {
  const body = numIdentifiant.toUpperCase();
  return body + (cle ?? String(nirKey(body)).padStart(2, '0'));
}

export class InsiAnswerInvalid extends Error {
  override name = 'InsiAnswerInvalid';
}

/**
 * INSi's INDIVIDU as Trame's identity. Traits are kept as the service spells them (R-INS-4: they are
 * stored as returned). The first given name is TIQ/Prenom when present, else the first word of
 * ListePrenom (published answers omit Prenom). Throws InsiAnswerInvalid on an answer that breaks the XSD.
 */
export function fromInsiIndividual(individual: InsiAnswerIndividual): InsiIdentity {
  const num = individual.NumIdentifiant.toUpperCase();
  if (!/^\d{5}(?:\d{2}|2A|2B)\d{6}$/.test(num)) throw new InsiAnswerInvalid(`bad NumIdentifiant ${num}`);
  if (individual.Cle !== null && !/^\d{2}$/.test(individual.Cle)) throw new InsiAnswerInvalid(`bad Cle ${individual.Cle}`);
  if (!/^\d+(\.\d+)+$/.test(individual.OID)) throw new InsiAnswerInvalid(`bad OID ${individual.OID}`);
  if (individual.Sexe !== 'F' && individual.Sexe !== 'M') throw new InsiAnswerInvalid(`unexpected Sexe ${individual.Sexe}`);
  if (!DATE.test(individual.DateNaissance)) throw new InsiAnswerInvalid(`bad DateNaissance ${individual.DateNaissance}`);
  const givenNames = individual.ListePrenom.replace(/\s+/g, ' ').trim();
  const firstGivenName = individual.Prenom?.trim() || givenNames.split(' ')[0] || '';
  if (!individual.NomNaissance.trim() || !firstGivenName) throw new InsiAnswerInvalid('birth name or given names missing');
  return {
    matricule: joinMatricule(num, individual.Cle),
    oid: individual.OID,
    birthName: individual.NomNaissance.trim(),
    firstGivenName,
    givenNames: givenNames || firstGivenName,
    birthDate: individual.DateNaissance,
    sex: individual.Sexe,
    birthplaceInsee: individual.LieuNaissance.trim().toUpperCase(),
  };
}

/** Trame's identity as INSi's INDIVIDU (what the test peer answers). */
export function toInsiIndividual(identity: InsiIdentity): InsiAnswerIndividual {
  return {
    NumIdentifiant: identity.matricule.slice(0, 13),
    Cle: identity.matricule.slice(13),
    OID: identity.oid,
    NomNaissance: identity.birthName,
    Prenom: identity.firstGivenName,
    ListePrenom: identity.givenNames,
    Sexe: identity.sex,
    DateNaissance: identity.birthDate,
    LieuNaissance: identity.birthplaceInsee,
  };
}

/**
 * The form in which two names compare "like the service": no accents, any case, hyphens (single or the
 * RNIV's double hyphen) and spaces alike. [ASSUMPTION] the real service's matching rules are not
 * published; this is what the test peer uses.
 */
export function comparableName(name: string): string {
  return toInsiName(name).replace(/-+/g, ' ').replace(/\s+/g, ' ').trim();
}
