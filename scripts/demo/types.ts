// Shapes of the demo region: plain data, keyed by stable strings, that a seed script turns into rows.

export type StructureKind = 'dac' | 'cpts' | 'hospital' | 'esms' | 'practice' | 'social_service';
export type Sector = 'health' | 'medico_social' | 'social' | 'none';
export type MembershipRole = 'coordinator' | 'professional' | 'structure_admin' | 'regional_viewer' | 'platform_admin';
export type CareTeamRole =
  | 'attending_gp'
  | 'nurse'
  | 'pharmacist'
  | 'physiotherapist'
  | 'specialist'
  | 'social_worker'
  | 'home_care'
  | 'hospital'
  | 'caregiver'
  | 'coordinator'
  | 'other';
export type JournalCategory = null | 'note' | 'phone_call' | 'visit' | 'meeting' | 'alert';
export type ClosureReason = 'improvement' | 'moved' | 'death' | 'refusal' | 'hospital_long_stay';

export type DemoStructure = {
  key: string;
  name: string;
  kind: StructureKind;
  finess: string | null;
  siret: string | null;
  address: string;
  communeInsee: string;
  communeName: string;
  phone: string;
};

export type DemoPerson = {
  key: string;
  email: string;
  givenName: string;
  familyName: string;
  sector: Sector;
  /** French label as shown in the directory ('Médecin généraliste', 'Infirmière'…) */
  profession: string | null;
  /** 11 digits, Luhn check digit; health professionals only */
  rpps: string | null;
  memberships: { structureKey: string; role: MembershipRole; identityReferent: boolean }[];
};

export type DemoPatient = {
  key: string;
  /** upper case without accents, as on an INS identity */
  birthName: string;
  usedName: string | null;
  /** first birth given name */
  givenName: string;
  /** the list of birth given names, space-separated, first one = givenName */
  birthGivenNames: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'F' | 'M';
  /** commune INSEE code, or 99xxx (country code) when born abroad */
  birthplaceInsee: string;
  birthplaceName: string;
  addressLine: string;
  postalCode: string;
  communeInsee: string;
  communeName: string;
  phone: string;
};

export type DemoCareTeamMember = {
  personKey: string;
  role: CareTeamRole;
  periodStart: Date;
  /** end of the half-open period [periodStart, periodEnd); null while still a member */
  periodEnd: Date | null;
};

export type DemoJournalEntry = {
  authorKey: string;
  writtenAt: Date;
  category: JournalCategory;
  text: string;
};

export type DemoFile = {
  key: string;
  patientKey: string;
  structureKey: string;
  openedAt: Date;
  closedAt: Date | null;
  closureReason: ClosureReason | null;
  referentKey: string;
  careTeam: DemoCareTeamMember[];
  journal: DemoJournalEntry[];
};

/** The communes a DAC or CPTS serves (src/territories). */
export type DemoTerritory = {
  key: string;
  name: string;
  kind: 'dac' | 'cpts' | 'other';
  structureKey: string;
  /** INSEE codes of current communes */
  communes: string[];
};

export type DemoRegion = {
  structures: DemoStructure[];
  territories: DemoTerritory[];
  people: DemoPerson[];
  patients: DemoPatient[];
  files: DemoFile[];
};
