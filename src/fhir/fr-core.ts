// Canonical URLs and codes of FR Core (Interop'Santé, https://hl7.fr/ig/fhir/core) used by the Patient mapping.
// README.md beside this file says which FR Core version and which files each one comes from, and where
// FR Core versions disagree. Keep every FR Core name here, so that moving to another version is one edit.
import type { IdentityAttribute, IdentityStatus } from '#src/patients/identity-rules.ts';

const CORE = 'https://hl7.fr/ig/fhir/core';

export const FR_CORE = {
  /** Profiles (FRCorePatientProfile, FRCorePatientINSProfile). */
  patientProfile: `${CORE}/StructureDefinition/fr-core-patient`,
  patientInsProfile: `${CORE}/StructureDefinition/fr-core-patient-ins`,
  /** Extensions. birthPlace is the HL7 core extension, with FR Core's INSEE code extension on its Address. */
  identityReliability: `${CORE}/StructureDefinition/fr-core-identity-reliability`,
  birthListGivenName: `${CORE}/StructureDefinition/fr-core-patient-birth-list-given-name`,
  addressInseeCode: `${CORE}/StructureDefinition/fr-core-address-insee-code`,
  birthPlace: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
  /** Code systems. */
  identifierType: `${CORE}/CodeSystem/fr-core-cs-v2-0203`,
  identityStatus: `${CORE}/CodeSystem/fr-core-cs-identity-status`,
  identityStatusComment: `${CORE}/CodeSystem/fr-core-cs-identity-status-comment`,
  /** The HL7 v2 table 0445 of FR Core ≤ 2.2.0: statuses and attributes mixed, no RECUP nor QUAL. Read, never written. */
  v2_0445: `${CORE}/CodeSystem/fr-core-cs-v2-0445`,
  methodCollection: `${CORE}/CodeSystem/fr-core-cs-method-collection`,
  validationMode: `${CORE}/CodeSystem/fr-core-cs-mode-validation-identity`,
  /** ANS terminologies (NOS): communes (the "OM" system since FR Core 2.2.0; the older one is still read) and countries. */
  commune: 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM',
  communeBefore22: 'https://mos.esante.gouv.fr/NOS/TRE_R13-Commune/FHIR/TRE-R13-Commune',
  country: 'https://mos.esante.gouv.fr/NOS/TRE_R20-Pays/FHIR/TRE-R20-Pays',
  /** HL7 terminology: identifier type NH (the billing NIR of FR Core's NSS slice, which can be a parent's). */
  hl7IdentifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
} as const;

/** Sub-extensions of fr-core-identity-reliability. `dateCollection` is the name up to FR Core 2.2.0 (read only). */
export const RELIABILITY = {
  identityStatus: 'identityStatus',
  methodCollection: 'methodCollection',
  dateInterrogationINSi: 'dateInterrogationINSi',
  dateCollection: 'dateCollection',
  validationDate: 'validationDate',
  validationMode: 'validationMode',
  comment: 'comment',
} as const;

/** Local identifier system of Trame's patient id (documented in README.md). */
export const TRAME_PATIENT_SYSTEM = 'urn:trame:patient';
/** System of Trame's own error codes in OperationOutcome.issue.details. */
export const TRAME_ERROR_SYSTEM = 'urn:trame:error-code';

export const IDENTITY_STATUS_DISPLAY: Record<IdentityStatus, string> = {
  PROV: 'Identité provisoire',
  RECUP: 'Identité récupérée',
  VALI: 'Identité validée',
  QUAL: 'Identité qualifiée',
};

/** Trame's attributes as codes of fr-core-cs-identity-status-comment (the same codes as table 0445). */
export const ATTRIBUTE_DISPLAY: Record<IdentityAttribute, string> = {
  DOUT: "Identité douteuse (attribut d'identité douteuse)",
  FICT: "Identité fictive (attribut d'identité fictive)",
  HOMD: 'Homonyme détecté',
  HOMA: "Homonyme avéré (attribut d'identité homonyme)",
  DPOT: 'Doublon potentiel',
  DOUA: 'Doublon avéré',
  COLP: 'Collision potentielle',
  COLV: 'Collision avérée',
};

/** Codes of table 0445 that are neither a status nor one of Trame's attributes: accepted and ignored on input. */
export const OTHER_V2_0445_CODES: readonly string[] = [
  'VIDE', 'DOUB', 'DESA', 'FILI', 'CACH', 'ANOM', 'IDVER', 'RECD', 'IDRA', 'USUR', 'INVA',
];

/** Other codes of fr-core-cs-identity-status-comment, accepted and ignored on input. */
export const OTHER_COMMENT_CODES: readonly string[] = OTHER_V2_0445_CODES;

export type DocumentKind = 'CNI' | 'PASSPORT' | 'RESIDENCE_PERMIT' | 'BIRTH_CERTIFICATE' | 'FAMILY_RECORD_BOOK';

/** Trame's DocumentKind → fr-core-cs-mode-validation-identity (codes present since FR Core 2.0.0). */
export const VALIDATION_MODE: Record<DocumentKind, { code: string; display: string }> = {
  CNI: { code: 'CN', display: "Carte nationale d'identité" },
  PASSPORT: { code: 'PA', display: 'Passeport' },
  RESIDENCE_PERMIT: { code: 'CS', display: 'Carte de séjour' },
  BIRTH_CERTIFICATE: { code: 'AN', display: "Extrait d'acte de naissance" },
  FAMILY_RECORD_BOOK: { code: 'LE', display: 'Livret de famille' },
};

/**
 * Every code fr-core-cs-mode-validation-identity has had (2.0.0 to the current build). A known code with no
 * DocumentKind (driving licence, e-ID, Application carte Vitale…) is read as "no validation mode".
 */
export const KNOWN_VALIDATION_MODE_CODES: readonly string[] = [
  'AN', 'CC', 'CE', 'CM', 'CN', 'CS', 'LE', 'PA', 'PC', 'TC', 'AC', 'AV', 'IE', 'DC', 'eCN', 'IN', 'LECV', 'ANCV', 'CIMS',
];

/** Method collection: Trame calls the INSi teleservice with the typed traits (no card reader). */
export const METHOD_COLLECTION_INSI = { code: 'INSI', display: 'Téléservice INSi' } as const;

export type InsKind = 'NIR' | 'NIA' | 'NIR-TEST' | 'NIR-DEMO';

/** INS kinds: identifier type code (fr-core-cs-v2-0203), its display, its OID and its identifier.use. */
export const INS_KINDS: Record<InsKind, { typeCode: string; display: string; oid: string; use: 'official' | 'temp' }> = {
  NIR: { typeCode: 'INS-NIR', display: 'NIR définitif', oid: '1.2.250.1.213.1.4.8', use: 'official' },
  NIA: { typeCode: 'INS-NIA', display: 'NIR temporaire', oid: '1.2.250.1.213.1.4.9', use: 'temp' },
  'NIR-TEST': { typeCode: 'INS-NIR-TEST', display: 'NIR TEST', oid: '1.2.250.1.213.1.4.10', use: 'official' },
  'NIR-DEMO': { typeCode: 'INS-NIR-DEMO', display: 'NIR DEMO', oid: '1.2.250.1.213.1.4.11', use: 'official' },
};

/** OIDs under which an identifier is taken for an INS unless typed otherwise; .2 is the obsolete INS-C slice. */
export const INS_OID_ROOT = '1.2.250.1.213.1.4.';
export const INS_C_OID = '1.2.250.1.213.1.4.2';
