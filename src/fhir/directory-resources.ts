// Pure mapping of the regional directory (src/directory) and of the operational offers (src/orientation)
// to FHIR R4: Practitioner, PractitionerRole and Organization after the ANS "Annuaire Santé" guide
// (profiles as-practitioner, as-practitionerrole, as-organization, on FR Core 2.2.0), HealthcareService
// after the ROR guide where Trame knows the national code. No database, no HTTP: directory-routes.ts
// calls these. Which guide files each choice comes from: README.md beside this file, "Directory".
import type { ActivityView, OrganizationView, ProfessionalView } from '#src/directory/views.ts';
import type { OfferView } from '#src/orientation/service.ts';
import { FR_CORE } from './fr-core.ts';

const AS = 'https://interop.esante.gouv.fr/ig/fhir/annuaire';
const ROR = 'https://interop.esante.gouv.fr/ig/fhir/ror';
const TRAME = 'https://trame.example/fhir';

/** Every canonical URL, system and code the directory mapping writes or reads. */
export const DIRECTORY_FHIR = {
  /** Annuaire Santé profiles (canonical https://interop.esante.gouv.fr/ig/fhir/annuaire, version 1.2.0-snapshot-2). */
  practitionerProfile: `${AS}/StructureDefinition/as-practitioner`,
  practitionerRoleProfile: `${AS}/StructureDefinition/as-practitionerrole`,
  organizationProfile: `${AS}/StructureDefinition/as-organization`,
  /** Annuaire Santé: discriminates the Organization.type slices (organizationType, secteurActiviteRASS…). */
  organizationTypesExtension: `${AS}/StructureDefinition/as-ext-organization-types`,
  /** Identifier systems of FR Core 2.2.0 (fr-core-practitioner, fr-core-organization-etablissement). */
  idNatPsSystem: 'urn:oid:1.2.250.1.71.4.2.1',
  idNatStSystem: 'urn:oid:1.2.250.1.71.4.2.2',
  rppsSystem: 'https://rpps.esante.gouv.fr',
  finessSystem: 'https://finess.esante.gouv.fr',
  sireneSystem: 'https://sirene.fr',
  /** Systems of Annuaire Santé 1.0 / FR Core ≤ 2.1, accepted in searches only. */
  legacyRppsSystem: 'http://rpps.fr',
  legacyFinessSystem: 'http://finess.sante.gouv.fr',
  /** FR Core: organization type (LEGAL-ENTITY / GEOGRAPHICAL-ENTITY) and the e-mail type of a ContactPoint. */
  organizationTypeSystem: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-3307',
  emailTypeExtension: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type',
  /** HL7 core extension FR Core uses for an organization's opening date (usePeriod). */
  organizationPeriodExtension: 'http://hl7.org/fhir/StructureDefinition/organization-period',
  /** ANS terminologies (NOS). */
  messagingType: 'https://mos.esante.gouv.fr/NOS/TRE_R256-TypeMessagerie/FHIR/TRE-R256-TypeMessagerie',
  profession: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante',
  ordinalSpecialty: 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale',
  exerciseMode: 'https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice',
  establishmentCategory: 'https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement',
  careMode: 'https://mos.esante.gouv.fr/NOS/TRE_R213-ModePriseEnCharge/FHIR/TRE-R213-ModePriseEnCharge',
  territorialDivisionType: 'https://mos.esante.gouv.fr/NOS/TRE_R201-TypeDivisionTerritoriale/FHIR/TRE-R201-TypeDivisionTerritoriale',
  /** ROR extensions on HealthcareService. */
  territorialDivisionExtension: `${ROR}/StructureDefinition/ror-territorial-division`,
  patientTypeExtension: `${ROR}/StructureDefinition/ror-healthcareservice-patient-type`,
  /** Trame's own code systems and extensions, for what has no national equivalent Trame is sure of. */
  careKind: `${TRAME}/CodeSystem/care-kind`,
  specialty: `${TRAME}/CodeSystem/specialty`,
  condition: `${TRAME}/CodeSystem/condition`,
  capacityExtension: `${TRAME}/StructureDefinition/capacity`,
  ageRangeExtension: `${TRAME}/StructureDefinition/age-range`,
} as const;

/** Trame's kinds of care (orientation/rules.ts CARE_KINDS) that have a ROR "mode de prise en charge" (TRE_R213). */
export const CARE_MODE_OF_KIND: Readonly<Record<string, { code: string; display: string }>> = {
  hospitalisation_complete: { code: '28', display: 'Hospitalisation complète (HC)' },
  hospitalisation_de_jour: { code: '29', display: 'Hospitalisation de jour (HJ)' },
  had: { code: '31', display: 'Hospitalisation à domicile (HAD)' },
  consultation: { code: '32', display: 'Consultation (CS) ou Séance' },
  ehpad_permanent: { code: '46', display: 'Hébergement (accueil jour et nuit)' },
  hebergement_temporaire: { code: '46', display: 'Hébergement (accueil jour et nuit)' },
  accueil_de_jour: { code: '47', display: 'Accueil de jour' },
};

/**
 * The directory holds the civility as the extraction's label ("Docteur"), sometimes as its code ("DR").
 * Civilities of practice (JDV_J79, "DR", "PR") go in `name.suffix` as Annuaire Santé and FR Core say;
 * personal civilities ("M", "MME") in `name.prefix`, as in Annuaire Santé's examples. An unknown one is
 * kept as written, in `suffix`.
 */
const CIVILITY: Readonly<Record<string, { code: string; personal: boolean }>> = {
  DR: { code: 'DR', personal: false },
  DOCTEUR: { code: 'DR', personal: false },
  PR: { code: 'PR', personal: false },
  PROFESSEUR: { code: 'PR', personal: false },
  M: { code: 'M', personal: true },
  MONSIEUR: { code: 'M', personal: true },
  MME: { code: 'MME', personal: true },
  MADAME: { code: 'MME', personal: true },
};
/** Savoir-faire codes that are ordinal specialties of physicians (TRE_R38, "SM.."): the only ones FR Core's specialty binding takes. */
const ORDINAL_SPECIALTY = /^SM\d{2}$/;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

// ---------------------------------------------------------------------------------------------------------
// FHIR R4 JSON, as much as this mapping writes.

export type Coding = { system: string; code: string; display?: string | undefined };
export type CodeableConcept = { coding?: Coding[]; text?: string | undefined; extension?: Extension[] };
export type Quantity = { value: number; unit: string; system: string; code: string };
export type Extension = {
  url: string;
  valueString?: string;
  valueCode?: string;
  valueCoding?: Coding;
  valueCodeableConcept?: CodeableConcept;
  valuePeriod?: { start?: string; end?: string };
  valueRange?: { low?: Quantity; high?: Quantity };
  valueUnsignedInt?: number;
  valueDateTime?: string;
  extension?: Extension[];
};
export type Identifier = { use?: 'official' | 'usual'; type?: CodeableConcept; system: string; value: string };
export type ContactPoint = { system: 'phone' | 'email'; value: string; use?: 'work'; extension?: Extension[] };
export type Address = { use?: 'work'; line?: string[]; postalCode?: string; city?: string; extension?: Extension[] };
export type Reference = { reference?: string; type?: string; identifier?: Identifier; display?: string };
/** A resource as sent: plain JSON, every empty value already left out. */
export type FhirResource = { resourceType: string; id: string; [element: string]: unknown };

// ---------------------------------------------------------------------------------------------------------
// Building blocks

/** Trims a value from the directory; blank is absent. */
function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Leaves out what FHIR forbids: undefined, null, blank strings, empty arrays and objects, at every depth.
 * Every resource goes through it, so a view with empty fields never gives `""` or `[]`.
 */
export function withoutEmpty<T>(value: T): T {
  return prune(value) as T;
}

function prune(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const kept = prune(item);
      return kept === undefined ? [] : [[key, kept] as const];
    });
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

function coding(system: string, code: string | null | undefined, display?: string | null): Coding | undefined {
  const c = text(code);
  return c ? { system, code: c, display: text(display) } : undefined;
}

function concept(c: Coding | undefined): CodeableConcept | undefined {
  return c ? { coding: [c] } : undefined;
}

function identifierType(code: string): CodeableConcept {
  return { coding: [{ system: FR_CORE.identifierType, code }] };
}

function inseeExtension(insee: string | null): Extension | undefined {
  const code = text(insee);
  return code ? { url: FR_CORE.addressInseeCode, valueCoding: { system: FR_CORE.commune, code } } : undefined;
}

/** FR Core address: street line, postal code, city and the INSEE code extension (fr-core-address-insee-code). */
function address(parts: { line: string | null; postalCode: string | null; communeName: string | null; communeInsee: string | null }): Address | undefined {
  const built = withoutEmpty({
    use: 'work',
    line: [text(parts.line)],
    postalCode: text(parts.postalCode),
    city: text(parts.communeName),
    extension: [inseeExtension(parts.communeInsee)],
  }) as Address;
  // `use` alone says nothing
  return built && Object.keys(built).length > 1 ? built : undefined;
}

function phone(value: string | null): ContactPoint | undefined {
  const v = text(value);
  return v ? { system: 'phone', value: v, use: 'work' } : undefined;
}

function email(value: string | null): ContactPoint | undefined {
  const v = text(value);
  return v ? { system: 'email', value: v, use: 'work' } : undefined;
}

/** An MSSanté mailbox: an e-mail with FR Core's e-mail type MSSANTE (the Annuaire Santé `mailbox-mss` slice). */
function mssante(value: string | null): ContactPoint | undefined {
  const v = text(value);
  return v
    ? { system: 'email', value: v, use: 'work', extension: [{ url: DIRECTORY_FHIR.emailTypeExtension, valueCoding: { system: DIRECTORY_FHIR.messagingType, code: 'MSSANTE' } }] }
    : undefined;
}

function ref(type: string, id: string | null, display?: string | null): Reference | undefined {
  return id ? { reference: `${type}/${id}`, display: text(display) } : undefined;
}

function years(value: number): Quantity {
  return { value, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' };
}

/** An ordinal specialty of TRE_R38, or undefined for any other savoir-faire (competences, DESC, capacities…). */
function ordinalSpecialty(activity: ActivityView): Coding | undefined {
  const code = text(activity.skillCode);
  return code && ORDINAL_SPECIALTY.test(code) ? { system: DIRECTORY_FHIR.ordinalSpecialty, code, display: text(activity.skillLabel) } : undefined;
}

function nameOf(view: ProfessionalView) {
  const written = text(view.civility);
  const known = written ? CIVILITY[written.normalize('NFD').replace(/[\u0300-\u036f.]/g, '').toUpperCase()] : undefined;
  const civility = known?.code ?? written;
  return {
    use: 'usual',
    family: text(view.familyName),
    given: [text(view.givenName)],
    prefix: known?.personal ? [civility] : undefined,
    suffix: civility && !known?.personal ? [civility] : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Practitioner (as-practitioner)

/**
 * A directory professional as an Annuaire Santé Practitioner: idNatPs and RPPS identifiers, the name of
 * practice, the profession (TRE_G15) and the ordinal specialties of its current practices as
 * qualifications, its MSSanté mailboxes. Practice sites are PractitionerRoles.
 */
export function practitionerToFhir(view: ProfessionalView): FhirResource {
  const specialties = new Map<string, Coding>();
  for (const activity of view.activities) {
    const specialty = activity.gone ? undefined : ordinalSpecialty(activity);
    if (specialty && !specialties.has(specialty.code)) specialties.set(specialty.code, specialty);
  }
  return withoutEmpty({
    resourceType: 'Practitioner',
    id: view.id,
    meta: { lastUpdated: view.updatedAt.toISOString(), profile: [DIRECTORY_FHIR.practitionerProfile] },
    identifier: [
      { use: 'official', type: identifierType('IDNPS'), system: DIRECTORY_FHIR.idNatPsSystem, value: view.idNatPs },
      text(view.rpps) ? { use: 'official', type: identifierType('RPPS'), system: DIRECTORY_FHIR.rppsSystem, value: text(view.rpps)! } : undefined,
    ],
    active: !view.gone,
    name: [nameOf(view)],
    telecom: view.mssante.map(mssante),
    qualification: [
      { code: concept(coding(DIRECTORY_FHIR.profession, view.professionCode, view.professionLabel)) },
      ...[...specialties.values()].map((c) => ({ code: { coding: [c] } })),
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------
// PractitionerRole (as-practitionerrole)

const SITE = 'site';

/**
 * One practice ("situation d'exercice") as an Annuaire Santé PractitionerRole: the professional, the
 * establishment when the site's FINESS is in the directory, the mode of practice (TRE_R23) and the role as
 * text, the ordinal specialty (TRE_R38), the site itself as a contained Location (name, SIRET, address).
 */
export function practitionerRoleToFhir(activity: ActivityView, professional: ProfessionalView): FhirResource {
  const site = withoutEmpty({
    resourceType: 'Location',
    id: SITE,
    identifier: [text(activity.siteSiret) ? { type: identifierType('SIRET'), system: DIRECTORY_FHIR.sireneSystem, value: text(activity.siteSiret)! } : undefined],
    name: text(activity.siteName),
    address: address({ line: activity.address, postalCode: activity.postalCode, communeName: activity.communeName, communeInsee: activity.communeInsee }),
  });
  const hasSite = Object.keys(site).length > 2;
  const mailboxes = new Set(professional.mssante.map((m) => m.toLowerCase()));
  const activityEmail = text(activity.email);
  return withoutEmpty({
    resourceType: 'PractitionerRole',
    id: activity.id,
    meta: { profile: [DIRECTORY_FHIR.practitionerRoleProfile] },
    contained: hasSite ? [site] : undefined,
    active: !(activity.gone || professional.gone),
    practitioner: ref('Practitioner', professional.id, [professional.givenName, professional.familyName].filter(Boolean).join(' ')),
    organization: ref('Organization', activity.organizationId, activity.siteName),
    code: [
      concept(coding(DIRECTORY_FHIR.exerciseMode, activity.modeCode, activity.modeLabel)),
      text(activity.roleLabel) ? { text: text(activity.roleLabel) } : undefined,
    ],
    specialty: [concept(ordinalSpecialty(activity))],
    location: hasSite ? [{ reference: `#${SITE}`, display: text(activity.siteName) }] : undefined,
    telecom: [phone(activity.phone), activityEmail && mailboxes.has(activityEmail.toLowerCase()) ? mssante(activityEmail) : email(activityEmail ?? null)],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Organization (as-organization)

/**
 * A FINESS establishment (entité géographique) as an Annuaire Santé Organization: idNatSt ("1" + FINESS),
 * FINESS (FINEG) and SIRET identifiers, entity type and FINESS category (TRE_R66), name and long name,
 * address with the INSEE code, phone and organisational MSSanté mailboxes, opening date, and its legal
 * entity (FINEJ) as a logical `partOf` (legal entities are not in the directory). Position is not mapped.
 */
export function organizationToFhir(view: OrganizationView): FhirResource {
  const longName = text(view.longName);
  return withoutEmpty({
    resourceType: 'Organization',
    id: view.id,
    meta: { lastUpdated: view.updatedAt.toISOString(), profile: [DIRECTORY_FHIR.organizationProfile] },
    extension: [
      /^\d{4}-\d{2}-\d{2}$/.test(view.openedOn ?? '') ? { url: DIRECTORY_FHIR.organizationPeriodExtension, valuePeriod: { start: view.openedOn! } } : undefined,
    ],
    identifier: [
      { use: 'official', type: identifierType('IDNST'), system: DIRECTORY_FHIR.idNatStSystem, value: `1${view.finess}` },
      { use: 'official', type: identifierType('FINEG'), system: DIRECTORY_FHIR.finessSystem, value: view.finess },
      text(view.siret) ? { use: 'official', type: identifierType('SIRET'), system: DIRECTORY_FHIR.sireneSystem, value: text(view.siret)! } : undefined,
    ],
    active: !view.gone,
    type: [
      {
        extension: [{ url: DIRECTORY_FHIR.organizationTypesExtension, valueCode: 'organizationType' }],
        coding: [{ system: DIRECTORY_FHIR.organizationTypeSystem, code: 'GEOGRAPHICAL-ENTITY' }],
      },
      concept(coding(DIRECTORY_FHIR.establishmentCategory, view.categoryCode, view.categoryLabel)),
    ],
    name: text(view.name),
    alias: longName && longName !== text(view.name) ? [longName] : undefined,
    telecom: [phone(view.phone), ...view.mssante.map(mssante)],
    address: [address({ line: view.address, postalCode: view.postalCode, communeName: view.communeName, communeInsee: view.communeInsee })],
    partOf: text(view.legalFiness)
      ? { type: 'Organization', identifier: { use: 'official', type: identifierType('FINEJ'), system: DIRECTORY_FHIR.finessSystem, value: text(view.legalFiness)! } }
      : undefined,
  });
}

// ---------------------------------------------------------------------------------------------------------
// HealthcareService (ROR where sure, Trame otherwise)

function timeOf(hhmm: string): string {
  return `${hhmm}:00`;
}

function ageRange(ageMin: number | null, ageMax: number | null): Extension | undefined {
  if (ageMin === null && ageMax === null) return undefined;
  const valueRange = { ...(ageMin !== null ? { low: years(ageMin) } : {}), ...(ageMax !== null ? { high: years(ageMax) } : {}) };
  // The ROR extension requires both bounds: an open range is Trame's own extension.
  if (ageMin !== null && ageMax !== null) return { url: DIRECTORY_FHIR.patientTypeExtension, extension: [{ url: 'ageRange', valueRange }] };
  return { url: DIRECTORY_FHIR.ageRangeExtension, valueRange };
}

function capacity(offer: OfferView): Extension | undefined {
  const parts: Extension[] = [];
  if (offer.capacity !== null) parts.push({ url: 'capacity', valueUnsignedInt: offer.capacity });
  if (offer.freePlaces !== null) parts.push({ url: 'freePlaces', valueUnsignedInt: offer.freePlaces });
  if (offer.freePlaces !== null && offer.freePlacesAt) parts.push({ url: 'freePlacesAt', valueDateTime: offer.freePlacesAt.toISOString() });
  return parts.length > 0 ? { url: DIRECTORY_FHIR.capacityExtension, extension: parts } : undefined;
}

function servedCommune(insee: string): Extension {
  return {
    url: DIRECTORY_FHIR.territorialDivisionExtension,
    extension: [
      { url: 'typeTerritorialDivision', valueCodeableConcept: { coding: [{ system: DIRECTORY_FHIR.territorialDivisionType, code: '3', display: 'Commune' }] } },
      { url: 'codeTerritorialDivision', valueCodeableConcept: { coding: [{ system: FR_CORE.commune, code: insee }] } },
    ],
  };
}

/**
 * An operational offer (ROR "offre opérationnelle") as a HealthcareService: the establishment that
 * provides it, the kind of care (Trame care-kind, plus the ROR mode of care TRE_R213 when there is one),
 * specialties and accepted situations (Trame codes), the age range (ROR patient-type), the served
 * communes (ROR territorial division, type "Commune"), capacity and free places (Trame extension),
 * opening hours, contacts. Plain R4: no ROR profile is claimed (see README.md).
 */
export function healthcareServiceToFhir(offer: OfferView): FhirResource {
  const careMode = CARE_MODE_OF_KIND[offer.careKind];
  const organizationName = offer.organization.name === '?' ? undefined : offer.organization.name;
  return withoutEmpty({
    resourceType: 'HealthcareService',
    id: offer.id,
    meta: { versionId: String(offer.version), lastUpdated: offer.updatedAt.toISOString() },
    extension: [ageRange(offer.ageMin, offer.ageMax), ...offer.servedCommunes.map(servedCommune), capacity(offer)],
    active: offer.active,
    providedBy: ref('Organization', offer.organization.id, organizationName),
    category: [concept(coding(DIRECTORY_FHIR.careKind, offer.careKind))],
    specialty: offer.specialties.map((s) => concept(coding(DIRECTORY_FHIR.specialty, s))),
    name: text(offer.name),
    comment: text(offer.description),
    telecom: [phone(offer.contactPhone), email(offer.contactEmail), mssante(offer.contactMssante)],
    characteristic: [
      careMode ? { coding: [{ system: DIRECTORY_FHIR.careMode, code: careMode.code, display: careMode.display }] } : undefined,
      ...offer.conditions.map((c) => concept(coding(DIRECTORY_FHIR.condition, c))),
    ],
    availableTime: offer.openingHours.map((range) => ({
      daysOfWeek: [DAYS[range.day - 1]],
      availableStartTime: timeOf(range.opens),
      availableEndTime: timeOf(range.closes),
    })),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Structural checks

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const LITERAL_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * What FHIR's own rules forbid in a resource built here, as paths: no empty strings, arrays or objects,
 * no null; ids (when present) and literal references `Type/id` (or `#id` of a contained resource, which must be
 * referenced); extensions with a url (absolute at the top level) and either a value or
 * sub-extensions; codings with a system and a code. An empty list means none found (this is not a profile validation).
 */
export function structuralProblems(resource: unknown): string[] {
  const problems: string[] = [];
  const root = resource as FhirResource;
  if (typeof root?.resourceType !== 'string' || !/^[A-Z][A-Za-z]+$/.test(root.resourceType)) problems.push('resourceType');
  if (root?.id !== undefined && (typeof root.id !== 'string' || !ID.test(root.id))) problems.push('id');
  const contained = new Set(
    (Array.isArray(root?.['contained']) ? (root['contained'] as FhirResource[]) : []).map((r) => r.id),
  );
  const localReferences = new Set<string>();
  const walk = (value: unknown, path: string, key: string): void => {
    if (value === null || value === undefined) return void problems.push(`${path}: null`);
    if (typeof value === 'string') {
      if (value.trim() === '') problems.push(`${path}: empty string`);
      else if (value !== value.trim()) problems.push(`${path}: surrounding whitespace`);
      if (key === 'reference') {
        if (value.startsWith('#')) localReferences.add(value.slice(1));
        else if (!LITERAL_REFERENCE.test(value)) problems.push(`${path}: not Type/id`);
      }
      if (key === 'lastUpdated' && !INSTANT.test(value)) problems.push(`${path}: not an instant`);
      return;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(`${path}: not a number`);
      return;
    }
    if (typeof value === 'boolean') return;
    if (Array.isArray(value)) {
      if (value.length === 0) problems.push(`${path}: empty array`);
      value.forEach((item, i) => walk(item, `${path}[${i}]`, key));
      return;
    }
    if (typeof value !== 'object') return void problems.push(`${path}: ${typeof value}`);
    const object = value as Record<string, unknown>;
    if (Object.keys(object).length === 0) problems.push(`${path}: empty object`);
    if (key === 'extension') {
      const url = object['url'];
      if (typeof url !== 'string') problems.push(`${path}: extension without url`);
      else if (!path.includes('.extension[', path.indexOf('.extension[') + 1) && !/^(https?|urn):/.test(url)) problems.push(`${path}: relative url`);
      const values = Object.keys(object).filter((k) => k.startsWith('value'));
      const nested = object['extension'] !== undefined;
      if (values.length + (nested ? 1 : 0) !== 1) problems.push(`${path}: an extension has one value or sub-extensions`);
    }
    if (key === 'coding' && (typeof object['system'] !== 'string' || typeof object['code'] !== 'string')) problems.push(`${path}: coding without system or code`);
    for (const [k, item] of Object.entries(object)) walk(item, `${path}.${k}`, k);
  };
  for (const [k, item] of Object.entries(root ?? {})) walk(item, `${root?.resourceType}.${k}`, k);
  for (const id of localReferences) if (!contained.has(id)) problems.push(`#${id}: no contained resource`);
  for (const id of contained) if (!localReferences.has(id)) problems.push(`contained ${id}: never referenced`);
  return problems;
}
