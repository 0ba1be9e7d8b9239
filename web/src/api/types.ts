// The shapes of docs/api.md, as the web app receives and sends them.

export type PersonRef = { id: string; givenName: string; familyName: string; profession: string | null };

export const MEMBERSHIP_ROLES = ['coordinator', 'professional', 'structure_admin', 'regional_viewer', 'platform_admin'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export type Membership = { id: string; structureId: string; structureName: string; role: MembershipRole; identityReferent: boolean };

export type MeView = {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  sector: string;
  profession: string | null;
  totpEnabled: boolean;
  acting: Membership | null;
  memberships: Membership[];
};

/** What login, /auth/me and /auth/acting answer. */
export type SessionView = { me: MeView; csrfToken: string };

export type Sex = 'F' | 'M' | 'U';
export type IdentityStatus = 'PROV' | 'RECUP' | 'VALI' | 'QUAL';

export type PatientSummary = {
  id: string;
  birthName: string;
  usedName: string | null;
  givenName: string;
  birthDate: string;
  sex: Sex;
  communeName: string | null;
  identityStatus: IdentityStatus;
};

type PatientOptionalField =
  | 'usedName'
  | 'birthGivenNames'
  | 'usedGivenName'
  | 'birthplaceInsee'
  | 'birthplaceName'
  | 'addressLine'
  | 'postalCode'
  | 'communeInsee'
  | 'communeName'
  | 'phone';

export type PatientInput = { birthName: string; givenName: string; birthDate: string; sex: Sex } & {
  [K in PatientOptionalField]?: string;
};

/** The identity traits the RNIV calls strict: read-only once retrieved from INSi (R-INS-4). */
export const STRICT_TRAITS = ['birthName', 'givenName', 'birthGivenNames', 'birthDate', 'sex', 'birthplaceInsee'] as const;
export type StrictTrait = (typeof STRICT_TRAITS)[number];

export const DOCUMENT_KINDS = ['CNI', 'PASSPORT', 'RESIDENCE_PERMIT', 'BIRTH_CERTIFICATE', 'FAMILY_RECORD_BOOK'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** Only for a minor, with a parent's identity document. */
export const MINOR_ONLY_DOCUMENTS: readonly DocumentKind[] = ['BIRTH_CERTIFICATE', 'FAMILY_RECORD_BOOK'];

export const IDENTITY_ATTRIBUTES = ['DOUT', 'FICT', 'HOMD', 'HOMA', 'DPOT', 'DOUA', 'COLP', 'COLV'] as const;
export type IdentityAttribute = (typeof IDENTITY_ATTRIBUTES)[number];
export type InsKind = 'NIR' | 'NIA' | 'NIR-TEST' | 'NIR-DEMO';

export type IdentityView = {
  status: IdentityStatus;
  retrieved: boolean;
  checked: boolean;
  validationMode: DocumentKind | null;
  validatedAt: string | null;
  insiCalledAt: string | null;
  attributes: IdentityAttribute[];
  strictTraitsLocked: boolean;
  /** Given only for a qualified identity (R-INS-1). */
  ins: { matricule: string; oid: string; kind: InsKind } | null;
  insOnRecord: boolean;
  receivedInsPending: boolean;
};

/** Unset optional fields may come back as null. */
export type PatientView = Omit<PatientInput, PatientOptionalField> & { [K in PatientOptionalField]?: string | null } & {
  id: string;
  identityStatus: IdentityStatus;
  identity: IdentityView;
  /** Set on a record merged into another one: the survivor's id. */
  mergedInto: string | null;
  version: number;
  createdAt: string;
};

/** What the duplicate search and the save compare; `excludePatientId` when editing that patient. */
export type TypedIdentity = { birthName: string; usedName?: string; givenName: string; birthDate: string; sex: Sex; excludePatientId?: string };

export type CandidateReason =
  | 'same_ins'
  | 'same_names'
  | 'phonetic_names'
  | 'similar_names'
  | 'used_name_matches_birth_name'
  | 'same_birth_date'
  | 'transposed_birth_date'
  | 'same_given_name'
  | 'same_sex'
  | 'different_sex';

export type DuplicateCandidate = { patient: PatientSummary; score: number; reasons: CandidateReason[] };

export type IdentityEventKind =
  | 'created'
  | 'traits_edited'
  | 'insi_called'
  | 'document_checked'
  | 'attribute_set'
  | 'attribute_cleared'
  | 'ins_received'
  | 'merged_into'
  | 'merged_from'
  | 'unmerged';

export type IdentityEvent = {
  id: string;
  at: string;
  kind: IdentityEventKind;
  by: PersonRef | null;
  statusBefore: IdentityStatus | null;
  statusAfter: IdentityStatus;
  details: Record<string, unknown>;
};

export type InsiOutcome = 'found' | 'not_found' | 'several';
export type InsiRetrieval = { outcome: InsiOutcome; patient: PatientView };

export type SuspicionKind = 'duplicate' | 'collision';
export type SuspicionStatus = 'open' | 'dismissed' | 'merged';

export type Suspicion = {
  id: string;
  kind: SuspicionKind;
  status: SuspicionStatus;
  /** One record for a collision, two for a duplicate. */
  patients: PatientSummary[];
  reasons: CandidateReason[];
  score: number | null;
  note: string | null;
  detectedAt: string;
  detectedBy: PersonRef | null;
  resolvedAt: string | null;
  resolvedBy: PersonRef | null;
  resolution: string | null;
};

export type PatientMerge = {
  id: string;
  survivor: PatientSummary;
  merged: PatientSummary;
  reason: string;
  mergedAt: string;
  mergedBy: PersonRef | null;
  movedFileIds: string[];
  undoUntil: string;
  undoneAt: string | null;
  undoneBy: PersonRef | null;
  undoReason: string | null;
  canUndo: boolean;
};

export type FileStatus = 'open' | 'closed';

export type FileSummary = {
  id: string;
  status: FileStatus;
  openedAt: string;
  closedAt: string | null;
  structure: { id: string; name: string };
  patient: PatientSummary;
  referent: PersonRef | null;
  lastJournalAt: string | null;
};

export const CARE_TEAM_ROLES = [
  'attending_gp',
  'nurse',
  'pharmacist',
  'physiotherapist',
  'specialist',
  'social_worker',
  'home_care',
  'hospital',
  'caregiver',
  'coordinator',
  'other',
] as const;
export type CareTeamRole = (typeof CARE_TEAM_ROLES)[number];

export type CareTeamMemberView = {
  id: string;
  person: PersonRef;
  role: CareTeamRole;
  periodStart: string;
  periodEnd: string | null;
  active: boolean;
  version: number;
};

export const JOURNAL_CATEGORIES = ['note', 'phone_call', 'visit', 'meeting', 'alert'] as const;
export type JournalCategory = (typeof JOURNAL_CATEGORIES)[number];

export type JournalEntryView = {
  id: string;
  author: PersonRef;
  writtenAt: string;
  category: JournalCategory | null;
  text: string;
};

export type FilePermissions = {
  canWriteJournal: boolean;
  canManageTeam: boolean;
  canUpdate: boolean;
  canSeeAccessLog: boolean;
};

export type FileView = {
  id: string;
  status: FileStatus;
  openedAt: string;
  closedAt: string | null;
  closureReason: string | null;
  version: number;
  structure: { id: string; name: string; kind: string };
  patient: PatientView;
  referent: PersonRef | null;
  careTeam: CareTeamMemberView[];
  journal: JournalEntryView[];
  permissions: FilePermissions;
};

export type TimelineType =
  | 'file.opened'
  | 'file.updated'
  | 'file.closed'
  | 'file.reopened'
  | 'careTeam.memberAdded'
  | 'careTeam.memberEnded'
  | 'journal.entryWritten'
  | 'file.patientChanged';

export type TimelineItem = {
  id: string;
  type: TimelineType;
  occurredAt: string;
  actor: PersonRef | null;
  payload: Record<string, unknown>;
};

/** A page of a list read backwards in time: pass `nextBefore` as `before` for the next one. */
export type Page<T> = { items: T[]; nextBefore: string | null };
export type Items<T> = { items: T[] };

export type AccessKind = 'consultation' | 'change' | 'refused';

/** One visit: the same person, the same kind of access, with no gap over 10 minutes. */
export type AccessLogEntry = {
  firstAt: string;
  lastAt: string;
  actor: PersonRef | null;
  role: string | null;
  kind: AccessKind;
  actions: string[];
};

export type DirectoryPerson = PersonRef & { sector: string; rpps: string | null; structures: string[] };

export const STRUCTURE_KINDS = ['dac', 'cpts', 'hospital', 'esms', 'practice', 'social_service'] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];
export type StructureView = { id: string; name: string; kind: string; communeName: string | null };

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type TotpSetup = { secret: string; uri: string };

export const SECTORS = ['health', 'medico_social', 'social', 'none'] as const;
export type Sector = (typeof SECTORS)[number];

/** The contract leaves the admin list open: a person with whatever of these the server adds. */
export type AdminPersonView = PersonRef & {
  email?: string;
  sector?: string;
  memberships?: Membership[];
};

export type AdminPersonInput = {
  email: string;
  givenName: string;
  familyName: string;
  sector: Sector;
  profession?: string;
  rpps?: string;
  password: string;
  memberships: { structureId: string; role: MembershipRole }[];
};

export type StructureInput = {
  name: string;
  kind: StructureKind;
  finess?: string;
  siret?: string;
  communeName?: string;
};
