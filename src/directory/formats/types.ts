// What the national extractions hold, once a line is read: the records the importer upserts.
// Empty fields are null, never ''.

/** a health professional (Annuaire Santé, "PS_LibreAcces_Personne_activite") */
export type ProfessionalRecord = {
  /** "8" + RPPS (11 digits) or "0" + ADELI: the national identifier (idNatPs) */
  idNatPs: string;
  rpps: string | null;
  civility: string | null;
  familyName: string;
  givenName: string;
  professionCode: string | null;
  professionLabel: string | null;
  categoryCode: string | null;
};

/** one practice of that professional at one place: one line of the extraction */
export type ActivityRecord = {
  /** idNatPs|structure technical id|mode code|role code|skill code: unique per line in the extraction */
  activityKey: string;
  idNatPs: string;
  modeCode: string | null;
  modeLabel: string | null;
  roleCode: string | null;
  roleLabel: string | null;
  skillCode: string | null;
  skillLabel: string | null;
  siteSiret: string | null;
  siteFiness: string | null;
  legalFiness: string | null;
  siteName: string | null;
  /** street line as printed: "12 B rue de la Paix" */
  address: string | null;
  postalCode: string | null;
  communeInsee: string | null;
  communeName: string | null;
  phone: string | null;
  email: string | null;
};

export type RppsLine = { professional: ProfessionalRecord; activity: ActivityRecord };

/** a FINESS establishment (ET) from the etalab extraction, "structureet" lines */
export type OrganizationRecord = {
  finess: string;
  legalFiness: string | null;
  name: string;
  longName: string | null;
  categoryCode: string | null;
  categoryLabel: string | null;
  aggregateCode: string | null;
  aggregateLabel: string | null;
  siret: string | null;
  address: string | null;
  postalCode: string | null;
  communeInsee: string | null;
  communeName: string | null;
  phone: string | null;
  /** YYYY-MM-DD */
  openedOn: string | null;
};

/** a "geolocalisation" line: WGS 84, converted from the extraction's Lambert 93 */
export type GeolocationRecord = { finess: string; latitude: number; longitude: number };

export type FinessLine =
  | { kind: 'organization'; record: OrganizationRecord }
  | { kind: 'geolocation'; record: GeolocationRecord }
  /** the extraction's first line ("finess;etalab;…") and empty lines */
  | { kind: 'skip' };

/** a mailbox of the MSSanté directory ("Extraction_Correspondance_MSSante") */
export type MailboxRecord = {
  address: string;
  /** PER (personal) | ORG (organisational) | APP (applicative) */
  boxType: string;
  idNatPs: string | null;
  structureIdKind: string | null;
  structureIdentifier: string | null;
  /** the FINESS when the structure identifier is one */
  finess: string | null;
  service: string | null;
  label: string | null;
};

/** a parsed line, or why it was refused: the message is shown to administrators, in French */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** turns the lines after a header into records; built from the header line */
export type LineParser<T> = (line: string) => Parsed<T>;
