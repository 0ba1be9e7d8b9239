// Pure mapping between Trame's patient identity and an FR Core Patient (FHIR R4), both ways.
// FR Core names, version and sources: fr-core.ts and README.md beside this file. Rules: domain/rules.md §1-2.
import { DomainError } from '#src/core/http/errors.ts';
import { checkInsOid, INS_OIDS, mayShareIns } from '#src/patients/identity-rules.ts';
import type { IdentityAttribute, IdentityStatus } from '#src/patients/identity-rules.ts';
import { checkNir, nirIncoherences } from '#src/patients/nir.ts';
import { checkBirthDate } from '#src/patients/rules.ts';
import {
  ATTRIBUTE_DISPLAY,
  FR_CORE,
  IDENTITY_STATUS_DISPLAY,
  INS_C_OID,
  INS_KINDS,
  INS_OID_ROOT,
  KNOWN_VALIDATION_MODE_CODES,
  METHOD_COLLECTION_INSI,
  OTHER_COMMENT_CODES,
  OTHER_V2_0445_CODES,
  RELIABILITY,
  TRAME_PATIENT_SYSTEM,
  VALIDATION_MODE,
} from './fr-core.ts';
import type { DocumentKind } from './fr-core.ts';
import { FhirInvalid } from './operation-outcome.ts';
import type { Issue, IssueType } from './operation-outcome.ts';

export type { DocumentKind, InsKind } from './fr-core.ts';
export type { IdentityAttribute, IdentityStatus } from '#src/patients/identity-rules.ts';

// Trame's shapes are the patients capability's own (docs/api.md, "Shapes").
export type { PatientInput } from '#src/patients/service.ts';
export type { IdentityView, PatientView, Sex } from '#src/patients/views.ts';
import type { PatientInput } from '#src/patients/service.ts';
import type { IdentityView, PatientView, Sex } from '#src/patients/views.ts';

/** What a received FR Core Patient says. `declared` is null when it carries no identity status. */
export type ReceivedPatient = {
  input: PatientInput;
  ins: { matricule: string; oid: string } | null;
  declared: {
    status: IdentityStatus;
    methodCollection: string | null;
    validationMode: DocumentKind | null;
    insiCalledAt: string | null;
    validatedAt: string | null;
    /** RNIV attributes declared with the status (FR Core `comment`, or table 0445 codes up to FR Core 2.2.0). */
    attributes: IdentityAttribute[];
  } | null;
  versionId: number | null;
};

// ---------------------------------------------------------------------------------------------------------
// FHIR R4 JSON, as much as this mapping writes.

export type Coding = { system: string; code: string; display?: string };
export type Extension = {
  url: string;
  valueString?: string;
  valueDate?: string;
  valueCoding?: Coding;
  valueCodeableConcept?: { coding: Coding[] };
  valueAddress?: Address;
  extension?: Extension[];
};
export type Address = {
  extension?: Extension[];
  use?: 'home';
  line?: string[];
  city?: string;
  postalCode?: string;
  country?: string;
};
export type Identifier = { use: 'usual' | 'official' | 'temp' | 'old'; type?: { coding: Coding[] }; system: string; value: string };
export type HumanName = { extension?: Extension[]; use: 'official' | 'usual'; family?: string; given?: string[] };
export type FhirPatient = {
  resourceType: 'Patient';
  id: string;
  meta: { versionId: string; profile: string[] };
  extension: Extension[];
  identifier: Identifier[];
  active: boolean;
  name: HumanName[];
  telecom?: { system: 'phone'; value: string }[];
  gender: 'female' | 'male' | 'unknown';
  birthDate: string;
  address?: Address[];
  link?: { other: { reference: string }; type: 'replaced-by' }[];
};

const SEX_TO_GENDER = { F: 'female', M: 'male', U: 'unknown' } as const;
const GENDER_TO_SEX: Readonly<Record<string, Sex>> = { female: 'F', male: 'M', unknown: 'U' };

// ---------------------------------------------------------------------------------------------------------
// Trame → FHIR

const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A FHIR `date` from Trame's timestamp: the calendar day in France (a YYYY-MM-DD string is kept as is). */
function fhirDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : PARIS_DATE.format(date);
}

function isCountryCode(insee: string): boolean {
  return insee.startsWith('99');
}

function inseeCodeExtension(insee: string): Extension {
  return { url: FR_CORE.addressInseeCode, valueCoding: { system: isCountryCode(insee) ? FR_CORE.country : FR_CORE.commune, code: insee } };
}

/** fr-core-identity-reliability: the status, the INSi call, the document checked and the RNIV attributes. */
function reliabilityExtension(identity: IdentityView): Extension {
  const sub: Extension[] = [];
  const insiDate = fhirDate(identity.insiCalledAt);
  if (identity.retrieved || insiDate) {
    sub.push({ url: RELIABILITY.methodCollection, valueCoding: { system: FR_CORE.methodCollection, ...METHOD_COLLECTION_INSI } });
  }
  if (insiDate) sub.push({ url: RELIABILITY.dateInterrogationINSi, valueDate: insiDate });
  sub.push({
    url: RELIABILITY.identityStatus,
    valueCoding: { system: FR_CORE.identityStatus, code: identity.status, display: IDENTITY_STATUS_DISPLAY[identity.status] },
  });
  for (const attribute of identity.attributes) {
    sub.push({
      url: RELIABILITY.comment,
      valueCodeableConcept: { coding: [{ system: FR_CORE.identityStatusComment, code: attribute, display: ATTRIBUTE_DISPLAY[attribute] }] },
    });
  }
  const validated = fhirDate(identity.validatedAt);
  if (validated) sub.push({ url: RELIABILITY.validationDate, valueDate: validated });
  if (identity.validationMode) {
    sub.push({ url: RELIABILITY.validationMode, valueCoding: { system: FR_CORE.validationMode, ...VALIDATION_MODE[identity.validationMode] } });
  }
  return { url: FR_CORE.identityReliability, extension: sub };
}

function birthPlaceExtension(insee: string | null, name: string | null): Extension {
  const address: Address = {};
  if (insee) address.extension = [inseeCodeExtension(insee)];
  if (name) {
    if (insee && isCountryCode(insee)) address.country = name;
    else address.city = name;
  }
  return { url: FR_CORE.birthPlace, valueAddress: address };
}

function insIdentifier(ins: NonNullable<IdentityView['ins']>, merged: boolean): Identifier {
  const kind = INS_KINDS[ins.kind];
  return {
    use: merged ? 'old' : kind.use,
    type: { coding: [{ system: FR_CORE.identifierType, code: kind.typeCode, display: kind.display }] },
    system: `urn:oid:${ins.oid}`,
    value: ins.matricule,
  };
}

/**
 * A Trame patient as an FR Core Patient. The matricule INS is written only for a qualified identity
 * (R-INS-1), which then also claims the FR Core Patient INS profile. A merged-away record is inactive,
 * points to its survivor (`link` replaced-by) and its identifiers become `old` (R-INS-7).
 */
export function patientToFhir(view: PatientView): FhirPatient {
  const identity = view.identity;
  const merged = view.mergedInto !== null && view.mergedInto !== undefined;
  const sharedIns = identity.ins && mayShareIns(identity.status) ? identity.ins : null;

  // A merged-away record keeps its INS as `old`; FR Core 2.1.0's INS profile fixes use = official: no INS profile then.
  const profile: string[] = [FR_CORE.patientProfile];
  if (sharedIns && !merged) profile.push(FR_CORE.patientInsProfile);

  const extension: Extension[] = [reliabilityExtension(identity)];
  if (view.birthplaceInsee || view.birthplaceName) extension.push(birthPlaceExtension(view.birthplaceInsee ?? null, view.birthplaceName ?? null));

  const identifier: Identifier[] = [];
  if (sharedIns) identifier.push(insIdentifier(sharedIns, merged));
  identifier.push({ use: merged ? 'old' : 'usual', system: TRAME_PATIENT_SYSTEM, value: view.id });

  // The INS profile requires the list of birth given names; INSi always returns it, the first one as a fallback.
  const birthList = view.birthGivenNames || (sharedIns ? view.givenName : null);
  const name: HumanName[] = [
    {
      ...(birthList ? { extension: [{ url: FR_CORE.birthListGivenName, valueString: birthList }] } : {}),
      use: 'official',
      family: view.birthName,
      given: [view.givenName],
    },
  ];
  if (view.usedName || view.usedGivenName) {
    name.push({
      use: 'usual',
      ...(view.usedName ? { family: view.usedName } : {}),
      ...(view.usedGivenName ? { given: [view.usedGivenName] } : {}),
    });
  }

  const patient: FhirPatient = {
    resourceType: 'Patient',
    id: view.id,
    meta: { versionId: String(view.version), profile },
    extension,
    identifier,
    active: !merged,
    name,
    gender: SEX_TO_GENDER[view.sex],
    birthDate: view.birthDate,
  };
  if (view.phone) patient.telecom = [{ system: 'phone', value: view.phone }];
  if (view.addressLine || view.postalCode || view.communeName || view.communeInsee) {
    patient.address = [
      {
        ...(view.communeInsee ? { extension: [inseeCodeExtension(view.communeInsee)] } : {}),
        use: 'home',
        ...(view.addressLine ? { line: [view.addressLine] } : {}),
        ...(view.communeName ? { city: view.communeName } : {}),
        ...(view.postalCode ? { postalCode: view.postalCode } : {}),
      },
    ];
  }
  if (merged) patient.link = [{ other: { reference: `Patient/${view.mergedInto}` }, type: 'replaced-by' }];
  return patient;
}

// ---------------------------------------------------------------------------------------------------------
// FHIR → Trame

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function codingsOf(concept: unknown): Json[] {
  return isRecord(concept) ? list(concept['coding']).filter(isRecord) : [];
}

/** Names as the civil status writes them: the rule of `name` in src/patients/routes.ts. */
const NAME = /^[\p{L}][\p{L} '’-]*$/u;
const INSEE = /^[0-9][0-9AB][0-9]{3}$/;
const POSTAL_CODE = /^\d{5}$/;
const PHONE = /^\+?[0-9 .]{6,20}$/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FHIR_DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

const STATUSES: readonly string[] = ['PROV', 'RECUP', 'VALI', 'QUAL'];
const ATTRIBUTES: readonly string[] = Object.keys(ATTRIBUTE_DISPLAY);
const INS_TYPE_CODES: readonly string[] = Object.values(INS_KINDS).map((kind) => kind.typeCode);
const NIR_PROBLEM = { length: 'the NIR must have 15 characters', characters: 'bad NIR characters', key: 'bad NIR key' } as const;

/** Collects the problems of a resource, so that one answer names them all. */
class Problems {
  readonly issues: Issue[] = [];

  add(code: IssueType, diagnostics: string, ...expression: string[]): void {
    this.issues.push({ severity: 'error', code, diagnostics, ...(expression.length > 0 ? { expression } : {}) });
  }

  /** A trimmed text, or null when absent; a non-string or one over `max` characters is a problem. */
  text(value: unknown, expression: string, label: string, max: number): string | null {
    if (isAbsent(value)) return null;
    if (typeof value !== 'string') {
      this.add('value', `${label} must be a string`, expression);
      return null;
    }
    const trimmed = value.trim();
    if (trimmed.length > max) {
      this.add('value', `${label} has more than ${max} characters`, expression);
      return null;
    }
    return trimmed;
  }

  /** A name (family, given): letters, spaces, hyphens and apostrophes only. */
  name(value: unknown, expression: string, label: string, max = 100): string | null {
    const name = this.text(value, expression, label, max);
    if (name !== null && !NAME.test(name)) {
      this.add('value', `${label}: letters, spaces, hyphens and apostrophes only`, expression);
      return null;
    }
    return name;
  }

  matching(value: unknown, pattern: RegExp, expression: string, label: string, expected: string): string | null {
    const text = this.text(value, expression, label, 100);
    if (text !== null && !pattern.test(text)) {
      this.add('value', `${label} must be ${expected}`, expression);
      return null;
    }
    return text;
  }
}

type Names = Pick<PatientInput, 'birthName' | 'givenName' | 'birthGivenNames' | 'usedName' | 'usedGivenName'>;

function readNames(resource: Json, problems: Problems): Names | null {
  const names = list(resource['name']);
  const official: number[] = [];
  names.forEach((name, at) => {
    if (isRecord(name) && name['use'] === 'official') official.push(at);
  });
  if (official.length === 0) {
    problems.add('required', 'An official name (use = official: the birth name and first birth given name) is required', "Patient.name.where(use='official')");
    return null;
  }
  if (official.length > 1) problems.add('value', 'Only one official name is allowed', `Patient.name[${official[1]}]`);
  const at = official[0]!;
  const name = names[at] as Json;
  const path = `Patient.name[${at}]`;

  const birthName = problems.name(name['family'], `${path}.family`, 'The birth name (official family)');
  if (birthName === null && isAbsent(name['family'])) problems.add('required', 'The birth name (official family) is required', `${path}.family`);

  const given = list(name['given']);
  const givenNames = given.map((value, index) => problems.name(value, `${path}.given[${index}]`, 'A birth given name'));
  const givenName = givenNames[0] ?? null;
  if (given.length === 0 || isAbsent(given[0])) problems.add('required', 'The first birth given name (official given) is required', `${path}.given`);

  let birthGivenNames: string | null = null;
  const extensions = list(name['extension']);
  const listAt = extensions.findIndex((extension) => isRecord(extension) && extension['url'] === FR_CORE.birthListGivenName);
  if (listAt >= 0) {
    const extension = extensions[listAt] as Json;
    birthGivenNames = problems.name(extension['valueString'], `${path}.extension[${listAt}].valueString`, 'The list of birth given names', 200);
  } else if (given.length > 1 && givenNames.every((value) => value !== null)) {
    birthGivenNames = givenNames.join(' ');
  }

  let usedName: string | null = null;
  let usedGivenName: string | null = null;
  const usualAt = names.findIndex((candidate) => isRecord(candidate) && candidate['use'] === 'usual');
  if (usualAt >= 0) {
    const usual = names[usualAt] as Json;
    usedName = problems.name(usual['family'], `Patient.name[${usualAt}].family`, 'The used name (usual family)');
    usedGivenName = problems.name(list(usual['given'])[0], `Patient.name[${usualAt}].given[0]`, 'The used given name (usual given)');
  }
  if (birthName === null || givenName === null) return null;
  return { birthName, givenName, birthGivenNames, usedName, usedGivenName };
}

function readSex(resource: Json, problems: Problems): Sex | null {
  const gender = resource['gender'];
  if (isAbsent(gender)) {
    problems.add('required', 'The gender is required (male, female or unknown)', 'Patient.gender');
    return null;
  }
  if (typeof gender !== 'string' || !Object.hasOwn(GENDER_TO_SEX, gender)) {
    problems.add('value', `Unknown gender ${JSON.stringify(gender)}: male, female or unknown`, 'Patient.gender');
    return null;
  }
  return GENDER_TO_SEX[gender]!;
}

function readBirthDate(resource: Json, problems: Problems, now: Date): string | null {
  const birthDate = resource['birthDate'];
  if (isAbsent(birthDate)) {
    problems.add('required', 'The birth date is required', 'Patient.birthDate');
    return null;
  }
  if (typeof birthDate !== 'string' || !FULL_DATE.test(birthDate)) {
    problems.add('value', 'The birth date must be a full date YYYY-MM-DD', 'Patient.birthDate');
    return null;
  }
  try {
    checkBirthDate(birthDate, now);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.add('value', `The birth date is wrong: ${error.message.toLowerCase()}`, 'Patient.birthDate');
    return null;
  }
  return birthDate;
}

/** The INSEE code (commune, or 99 + country) on an FR Core Address: its extension, else `district`. */
function readInsee(address: Json, path: string, problems: Problems, label: string): string | null {
  const extensions = list(address['extension']);
  const at = extensions.findIndex((extension) => isRecord(extension) && extension['url'] === FR_CORE.addressInseeCode);
  if (at >= 0) {
    const coding = (extensions[at] as Json)['valueCoding'];
    const expression = `${path}.extension[${at}].valueCoding.code`;
    if (!isRecord(coding) || typeof coding['code'] !== 'string' || coding['code'].trim() === '') {
      problems.add('value', `${label} needs a valueCoding with a code`, expression);
      return null;
    }
    return problems.matching(coding['code'].trim().toUpperCase(), INSEE, expression, label, 'an INSEE code of 5 characters');
  }
  if (typeof address['district'] === 'string' && INSEE.test(address['district'].trim().toUpperCase())) {
    return address['district'].trim().toUpperCase();
  }
  return null;
}

type Place = Pick<PatientInput, 'birthplaceInsee' | 'birthplaceName' | 'addressLine' | 'postalCode' | 'communeInsee' | 'communeName' | 'phone'>;

function readPlaces(resource: Json, problems: Problems): Place {
  const place: Place = {
    birthplaceInsee: null,
    birthplaceName: null,
    addressLine: null,
    postalCode: null,
    communeInsee: null,
    communeName: null,
    phone: null,
  };

  const extensions = list(resource['extension']);
  const birthAt = extensions.findIndex((extension) => isRecord(extension) && extension['url'] === FR_CORE.birthPlace);
  if (birthAt >= 0) {
    const path = `Patient.extension[${birthAt}].valueAddress`;
    const address = (extensions[birthAt] as Json)['valueAddress'];
    if (!isRecord(address)) problems.add('value', 'The birth place needs a valueAddress', `Patient.extension[${birthAt}]`);
    else {
      place.birthplaceInsee = readInsee(address, path, problems, 'The INSEE code of the birth place');
      const nameAt = !isAbsent(address['city']) || isAbsent(address['country']) ? 'city' : 'country';
      place.birthplaceName = problems.text(address[nameAt], `${path}.${nameAt}`, 'The birth place name', 100);
    }
  }

  const addresses = list(resource['address']);
  let addressAt = addresses.findIndex((address) => isRecord(address) && address['use'] === 'home');
  if (addressAt < 0) addressAt = addresses.findIndex((address) => isRecord(address) && address['use'] !== 'old');
  if (addressAt >= 0) {
    const path = `Patient.address[${addressAt}]`;
    const address = addresses[addressAt] as Json;
    const lines = list(address['line']).filter((line): line is string => typeof line === 'string' && line.trim() !== '');
    place.addressLine = problems.text(lines.map((line) => line.trim()).join(', '), `${path}.line`, 'The address line', 200);
    place.postalCode = problems.matching(address['postalCode'], POSTAL_CODE, `${path}.postalCode`, 'The postal code', '5 digits');
    place.communeName = problems.text(address['city'], `${path}.city`, 'The commune name', 100);
    place.communeInsee = readInsee(address, path, problems, 'The INSEE code of the commune');
  }

  const telecoms = list(resource['telecom']);
  const phoneAt = telecoms.findIndex((telecom) => isRecord(telecom) && telecom['system'] === 'phone' && telecom['use'] !== 'old');
  if (phoneAt >= 0) {
    const value = (telecoms[phoneAt] as Json)['value'];
    place.phone = problems.matching(value, PHONE, `Patient.telecom[${phoneAt}].value`, 'The phone number', 'a phone number (digits, spaces, dots, a leading +)');
  }
  return place;
}

type ReceivedIns = { matricule: string; oid: string; at: number };

/**
 * The current INS among the identifiers: typed INS-NIR/NIA/NIR-TEST/NIR-DEMO, or under the INS OIDs
 * (1.2.250.1.213.1.4.*) untyped. Left aside: FR Core's NSS slice (type NH, the billing NIR that can be a
 * parent's, R-NIR-3), the obsolete INS-C (.2) and deactivated INS (use = old).
 */
function readIns(resource: Json, problems: Problems, production: boolean): ReceivedIns | null {
  const found: ReceivedIns[] = [];
  list(resource['identifier']).forEach((identifier, at) => {
    if (!isRecord(identifier)) return;
    const path = `Patient.identifier[${at}]`;
    const system = typeof identifier['system'] === 'string' ? identifier['system'].trim() : '';
    const codes = codingsOf(identifier['type']);
    const insType = codes.find((coding) => coding['system'] === FR_CORE.identifierType && INS_TYPE_CODES.includes(String(coding['code'])));
    const notIns = codes.some(
      (coding) => (coding['system'] === FR_CORE.hl7IdentifierType && coding['code'] === 'NH') || coding['code'] === 'INS-C',
    );
    const underInsRoot = system.startsWith(`urn:oid:${INS_OID_ROOT}`) && system !== `urn:oid:${INS_C_OID}`;
    if (!insType && (notIns || !underInsRoot)) return;
    if (identifier['use'] === 'old') return;

    const before = problems.issues.length;
    let oid: string | null = null;
    if (!system.startsWith('urn:oid:')) {
      problems.add('value', 'An INS identifier has the system urn:oid:<OID of the INS>', `${path}.system`);
    } else {
      oid = system.slice('urn:oid:'.length);
      try {
        checkInsOid(oid, production);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const known = Object.values(INS_OIDS).join(', ');
        problems.add('value', `${error.message} (the INS OIDs are ${known})`, `${path}.system`);
        oid = null;
      }
    }
    if (insType && oid) {
      const expected = Object.values(INS_KINDS).find((kind) => kind.typeCode === insType['code'])!;
      if (expected.oid !== oid) {
        problems.add('value', `The identifier type ${expected.typeCode} goes with urn:oid:${expected.oid}, not ${system}`, `${path}.type`);
      }
    }
    let matricule: string | null = null;
    if (isAbsent(identifier['value']) || typeof identifier['value'] !== 'string') {
      problems.add('required', 'An INS identifier needs its matricule (value)', `${path}.value`);
    } else {
      const nir = checkNir(identifier['value']);
      if (nir.valid) matricule = nir.nir;
      else problems.add('value', `Not a valid matricule INS: ${NIR_PROBLEM[nir.reason]}`, `${path}.value`);
    }
    if (problems.issues.length === before && oid && matricule) found.push({ matricule, oid, at });
    else found.push({ matricule: '', oid: '', at });
  });
  if (found.length > 1) {
    problems.add('value', 'Two INS identifiers: a patient has one current matricule INS (an old one has use = old)', `Patient.identifier[${found[1]!.at}]`);
    return null;
  }
  const ins = found[0];
  return ins && ins.matricule ? ins : null;
}

type StatusCode = { status: IdentityStatus } | { attribute: IdentityAttribute } | { ignored: true } | null;

/** An identityStatus coding: FR Core's RNIV statuses, or table 0445 (FR Core ≤ 2.2.0: statuses and attributes). */
function readStatusCoding(coding: unknown): StatusCode {
  if (!isRecord(coding) || typeof coding['code'] !== 'string') return null;
  const code = coding['code'];
  if (coding['system'] === FR_CORE.identityStatus) return STATUSES.includes(code) ? { status: code as IdentityStatus } : null;
  if (coding['system'] === FR_CORE.v2_0445) {
    if (STATUSES.includes(code)) return { status: code as IdentityStatus };
    if (ATTRIBUTES.includes(code)) return { attribute: code as IdentityAttribute };
    if (OTHER_V2_0445_CODES.includes(code)) return { ignored: true };
  }
  return null;
}

/** A FHIR date (or dateTime) of a sub-extension, as given. */
function readDate(extension: Json, expression: string, problems: Problems, label: string): string | null {
  const value = extension['valueDate'] ?? extension['valueDateTime'];
  if (typeof value !== 'string' || !FHIR_DATE_OR_DATETIME.test(value)) {
    problems.add('value', `${label} must be a date YYYY-MM-DD`, expression);
    return null;
  }
  return value;
}

function documentKindOf(code: string): DocumentKind | null {
  const entry = Object.entries(VALIDATION_MODE).find(([, mode]) => mode.code === code);
  return entry ? (entry[0] as DocumentKind) : null;
}

/** fr-core-identity-reliability (one or several, as FR Core ≤ 2.2.0 repeated it for attributes). */
function readDeclared(resource: Json, problems: Problems): ReceivedPatient['declared'] {
  let status: { value: IdentityStatus; expression: string } | null = null;
  let methodCollection: string | null = null;
  let validationMode: DocumentKind | null = null;
  let insiCalledAt: string | null = null;
  let validatedAt: string | null = null;
  const attributes: IdentityAttribute[] = [];
  const addAttribute = (attribute: IdentityAttribute) => {
    if (!attributes.includes(attribute)) attributes.push(attribute);
  };
  let reliabilityAt: number | null = null;

  for (const [at, extension] of list(resource['extension']).entries()) {
    if (!isRecord(extension) || extension['url'] !== FR_CORE.identityReliability) continue;
    reliabilityAt ??= at;
    for (const [index, sub] of list(extension['extension']).entries()) {
      if (!isRecord(sub)) continue;
      const path = `Patient.extension[${at}].extension[${index}]`;
      switch (sub['url']) {
        case RELIABILITY.identityStatus: {
          const read = readStatusCoding(sub['valueCoding']);
          if (read === null) {
            problems.add(
              'code-invalid',
              `The identity status is not in FR Core's value set: PROV, RECUP, VALI or QUAL of ${FR_CORE.identityStatus} (or a code of ${FR_CORE.v2_0445})`,
              `${path}.valueCoding`,
            );
          } else if ('status' in read) {
            if (status && status.value !== read.status) {
              problems.add('value', `Two identity statuses (${status.value} and ${read.status}); they exclude one another`, `${path}.valueCoding`);
            }
            status ??= { value: read.status, expression: `${path}.valueCoding` };
          } else if ('attribute' in read) addAttribute(read.attribute);
          break;
        }
        case RELIABILITY.comment: {
          const concept = sub['valueCodeableConcept'];
          const codings = isRecord(sub['valueCoding']) ? [sub['valueCoding']] : codingsOf(concept);
          for (const coding of codings) {
            const code = String(coding['code']);
            const known = coding['system'] === FR_CORE.identityStatusComment || coding['system'] === FR_CORE.v2_0445;
            if (known && ATTRIBUTES.includes(code)) addAttribute(code as IdentityAttribute);
            else if (!(known && OTHER_COMMENT_CODES.includes(code))) {
              problems.add('code-invalid', `Unknown identity attribute ${code} (codes of ${FR_CORE.identityStatusComment})`, `${path}.valueCodeableConcept`);
            }
          }
          break;
        }
        case RELIABILITY.methodCollection: {
          const coding = sub['valueCoding'];
          if (isRecord(coding) && typeof coding['code'] === 'string' && coding['code'].trim() !== '') methodCollection ??= coding['code'].trim();
          else problems.add('value', 'methodCollection needs a valueCoding with a code', `${path}.valueCoding`);
          break;
        }
        case RELIABILITY.dateInterrogationINSi:
        case RELIABILITY.dateCollection:
          insiCalledAt ??= readDate(sub, `${path}.valueDate`, problems, 'The date of the INSi call');
          break;
        case RELIABILITY.validationDate:
          validatedAt ??= readDate(sub, `${path}.valueDate`, problems, 'The validation date');
          break;
        case RELIABILITY.validationMode: {
          const coding = sub['valueCoding'];
          const code = isRecord(coding) && typeof coding['code'] === 'string' ? coding['code'] : null;
          if (!isRecord(coding) || coding['system'] !== FR_CORE.validationMode || code === null || !KNOWN_VALIDATION_MODE_CODES.includes(code)) {
            problems.add('code-invalid', `The validation mode is not a code of ${FR_CORE.validationMode}`, `${path}.valueCoding`);
          } else validationMode ??= documentKindOf(code);
          break;
        }
        default:
          break;
      }
    }
  }

  if (reliabilityAt === null || status === null) return null;
  const declared = status;
  if ((attributes.includes('DOUT') || attributes.includes('FICT')) && declared.value !== 'PROV') {
    problems.add('invariant', 'A doubtful (DOUT) or fictitious (FICT) identity is provisional (PROV)', declared.expression);
  }
  if (attributes.includes('DOUT') && attributes.includes('FICT')) {
    problems.add('invariant', 'An identity cannot be doubtful (DOUT) and fictitious (FICT) together', `Patient.extension[${reliabilityAt}]`);
  }
  return { status: declared.value, methodCollection, validationMode, insiCalledAt, validatedAt, attributes };
}

function readVersionId(resource: Json, problems: Problems): number | null {
  const meta = resource['meta'];
  if (!isRecord(meta) || isAbsent(meta['versionId'])) return null;
  const versionId = meta['versionId'];
  if (typeof versionId !== 'string' || !/^[1-9][0-9]{0,9}$/.test(versionId)) {
    problems.add('value', 'meta.versionId must be the version number Trame gave', 'Patient.meta.versionId');
    return null;
  }
  return Number(versionId);
}

/**
 * What an FR Core Patient (from another system) says, checked: names as the civil status writes them, a
 * full birth date, a known gender, a valid INS (the four OIDs, test and demo refused in production, the NIR
 * key, no incoherence with sex and birth date) and a coherent identity status. Throws FhirInvalid (400)
 * naming every bad element. A received INS without identity status gives `declared: null`; what to trust
 * of a declared status is the service's decision.
 */
export function fhirToPatientInput(resource: unknown, options: { production: boolean; now?: Date }): ReceivedPatient {
  if (!isRecord(resource)) {
    throw new FhirInvalid([{ severity: 'error', code: 'structure', diagnostics: 'The body is not a FHIR resource (a JSON object)' }]);
  }
  if (resource['resourceType'] !== 'Patient') {
    throw new FhirInvalid([
      { severity: 'error', code: 'invalid', diagnostics: `Expected a Patient, got ${JSON.stringify(resource['resourceType'] ?? null)}`, expression: ['resourceType'] },
    ]);
  }
  const problems = new Problems();
  const names = readNames(resource, problems);
  const sex = readSex(resource, problems);
  const birthDate = readBirthDate(resource, problems, options.now ?? new Date());
  const place = readPlaces(resource, problems);
  const ins = readIns(resource, problems, options.production);
  const declared = readDeclared(resource, problems);
  const versionId = readVersionId(resource, problems);

  if (ins && sex && birthDate) {
    for (const incoherence of nirIncoherences(ins.matricule, { sex, birthDate, birthplaceInsee: place.birthplaceInsee ?? null })) {
      if (incoherence.severity !== 'error') continue;
      const trait = incoherence.trait === 'sex' ? 'Patient.gender' : 'Patient.birthDate';
      problems.add('business-rule', `The matricule INS does not match the traits: ${incoherence.message}`, `Patient.identifier[${ins.at}].value`, trait);
    }
  }
  if (declared?.status === 'QUAL' && !ins && !problems.issues.some((issue) => issue.expression?.some((e) => e.startsWith('Patient.identifier')))) {
    problems.add('invariant', 'A qualified identity (QUAL) carries its matricule INS', "Patient.identifier");
  }

  if (problems.issues.length > 0 || !names || !sex || !birthDate) throw new FhirInvalid(problems.issues);
  return {
    input: { ...names, birthDate, sex, ...place },
    ins: ins ? { matricule: ins.matricule, oid: ins.oid } : null,
    declared,
    versionId,
  };
}
