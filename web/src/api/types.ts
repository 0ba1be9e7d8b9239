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

export type FileStatus = 'open' | 'suspended' | 'closed';

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
  suspendedAt: string | null;
  suspensionReason: string | null;
  mission: string | null;
  supportLevel: string | null;
  referralId: string | null;
  version: number;
  structure: { id: string; name: string; kind: string };
  patient: PatientView;
  referent: PersonRef | null;
  careTeam: CareTeamMemberView[];
  journal: JournalEntryView[];
  permissions: FilePermissions;
  /** how the caller reaches the file: its structure, its care team, or a consent of the patient (and what it covers) */
  access: { via: 'holder' | 'care_team' | 'consent'; sharedCategories: string[] | null; opposed: boolean };
};

export type TimelineType =
  | 'file.opened'
  | 'file.updated'
  | 'file.closed'
  | 'file.reopened'
  | 'careTeam.memberAdded'
  | 'careTeam.memberEnded'
  | 'journal.entryWritten'
  | 'file.patientChanged'
  | 'orientation.requested'
  | 'orientation.answered'
  | 'orientation.cancelled';

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

export const TERRITORY_KINDS = ['dac', 'cpts', 'other'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];
/** A commune of a territory: INSEE code, name, postal codes, legal population. */
export type TerritoryCommune = { insee: string; name: string; postalCodes: string[]; population: number };
// A commune found by the search: CommuneView (GET /api/communes), below with the orientation types.
export type CommuneGroupKind = 'departement' | 'arrondissement' | 'epci';
export type CommuneGroup = { kind: CommuneGroupKind; code: string; name: string; communeCount: number; population: number };
export type CommuneGroups = {
  region: { code: string; name: string };
  departements: CommuneGroup[];
  arrondissements: CommuneGroup[];
  epcis: CommuneGroup[];
};
export type TerritorySummary = {
  id: string;
  name: string;
  kind: TerritoryKind;
  structureId: string | null;
  structureName: string | null;
  communeCount: number;
  population: number;
  version: number;
  updatedAt: string;
  canEdit: boolean;
};
export type TerritoryView = TerritorySummary & { communes: TerritoryCommune[] };
export type TerritoryInput = { name: string; kind: TerritoryKind; structureId: string | null; communes: string[] };
export type TerritoryUpdate = Partial<TerritoryInput> & { version: number };

// ---- orientation: « Trouver une ressource », orientation requests (src/orientation) ----

/** A directory establishment as orientation names it. */
export type OrientationOrganizationRef = { id: string; name: string; finess: string; communeName: string | null; phone: string | null; categoryLabel: string | null };

export type OrientationOfferView = {
  id: string;
  name: string;
  careKind: string;
  specialties: string[];
  ageMin: number | null;
  ageMax: number | null;
  conditions: string[];
  capacity: number | null;
  freePlaces: number | null;
  freePlacesAt: string | null;
  communeInsee: string | null;
  latitude: number | null;
  longitude: number | null;
  servedCommunes: string[];
  contactPhone: string | null;
  contactEmail: string | null;
  contactMssante: string | null;
  openingHours: { day: number; opens: string; closes: string }[];
  description: string | null;
  active: boolean;
  complete: boolean;
  updatedAt: string;
  version: number;
  organization: OrientationOrganizationRef;
  missing: string[];
};

/** Why a result ranks where it does (src/orientation/rules.ts `Reason`, dates as ISO strings). */
export type OrientationReason =
  | { code: 'serves_commune' }
  | { code: 'outside_area' }
  | { code: 'distance'; km: number }
  | { code: 'free_places'; count: number; since: string | null }
  | { code: 'full' }
  | { code: 'free_places_unknown' }
  | { code: 'age'; ageMin: number | null; ageMax: number | null }
  | { code: 'specialty'; specialty: string }
  | { code: 'condition'; condition: string };

export type OrientationResult = { offer: OrientationOfferView; serves: boolean; km: number | null; reasons: OrientationReason[] };
/** `located` false: no position known for the patient's commune, so no distance. */
export type OrientationSearchAnswer = { items: OrientationResult[]; located: boolean };

export const ORIENTATION_REQUEST_STATUSES = ['sent', 'accepted', 'refused', 'waiting_list', 'cancelled'] as const;
export type OrientationRequestStatus = (typeof ORIENTATION_REQUEST_STATUSES)[number];
export type OrientationAnswerStatus = 'accepted' | 'refused' | 'waiting_list';

export type OrientationRequestView = {
  id: string;
  fileId: string;
  patient: { id: string; birthName: string; usedName: string | null; givenName: string; birthDate: string; communeName: string | null } | null;
  offer: { id: string; name: string; careKind: string };
  organization: OrientationOrganizationRef;
  requestedBy: PersonRef;
  message: string;
  status: OrientationRequestStatus;
  refusalReason: string | null;
  answerNote: string | null;
  answeredBy: PersonRef | null;
  answeredAt: string | null;
  /** The requester typed the answer the establishment gave by phone or mail. */
  answerRecordedByRequester: boolean;
  createdAt: string;
  version: number;
};

export type OrientationAnswer = { version: number; status: OrientationAnswerStatus; refusalReason?: string; note?: string };

/** GET /api/communes */
export type CommuneView = { insee: string; name: string; postalCodes: string[]; departement: string; departementName: string; population: number };

// ---- regional directory: professionals, establishments, imports (src/directory) ----

/** A practice of a professional (FHIR PractitionerRole): where, how, with which specialty. */
export type DirectoryActivityView = {
  id: string;
  professionalId: string;
  modeCode: string | null;
  modeLabel: string | null;
  roleLabel: string | null;
  skillCode: string | null;
  skillLabel: string | null;
  siteName: string | null;
  siteSiret: string | null;
  siteFiness: string | null;
  /** the directory establishment with that FINESS, when the directory holds it */
  organizationId: string | null;
  address: string | null;
  postalCode: string | null;
  communeInsee: string | null;
  communeName: string | null;
  phone: string | null;
  email: string | null;
  gone: boolean;
};

export type DirectoryProfessionalView = {
  id: string;
  idNatPs: string;
  rpps: string | null;
  /** the civility of practice, as the extraction says it (« Docteur ») */
  civility: string | null;
  familyName: string;
  givenName: string;
  professionCode: string | null;
  professionLabel: string | null;
  mssante: string[];
  activities: DirectoryActivityView[];
  /** absent from the latest full extraction */
  gone: boolean;
  updatedAt: string;
};

export type DirectoryOrganizationView = {
  id: string;
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
  latitude: number | null;
  longitude: number | null;
  openedOn: string | null;
  mssante: string[];
  /** the Trame structure this establishment is, when it uses the platform */
  structureId: string | null;
  gone: boolean;
  updatedAt: string;
};

/** GET /api/directory/organizations/:id/professionals */
export type DirectoryPractitioner = { activity: DirectoryActivityView; professional: DirectoryProfessionalView };

export type DirectoryStatus = {
  professionals: number;
  organizations: number;
  mailboxes: number;
  mssanteRefreshedAt: string | null;
  rppsRefreshedAt: string | null;
  finessRefreshedAt: string | null;
};

export const DIRECTORY_IMPORT_KINDS = ['rpps', 'finess', 'mssante'] as const;
export type DirectoryImportKind = (typeof DIRECTORY_IMPORT_KINDS)[number];
export const DIRECTORY_RECORD_KINDS = ['professional', 'activity', 'organization', 'mailbox'] as const;
export type DirectoryRecordKind = (typeof DIRECTORY_RECORD_KINDS)[number];
export type DirectoryRecordCounts = { added: number; changed: number; unchanged: number; gone: number };

export type DirectoryImportView = {
  id: string;
  kind: string;
  fileName: string;
  /** running, done, failed or interrupted */
  status: string;
  partial: boolean;
  startedAt: string;
  finishedAt: string | null;
  bytesTotal: number | null;
  bytesRead: number;
  linesRead: number;
  badLines: number;
  counts: Partial<Record<DirectoryRecordKind, DirectoryRecordCounts>>;
  error: string | null;
};

export type DirectoryImportReport = DirectoryImportView & {
  problems: { lineNo: number; message: string }[];
  changes: { change: string; recordKind: string; identifier: string; label: string }[];
};

// ---- offers of the establishments (ROR), described in the directory (src/orientation) ----

/** GET /api/orientation/offers?organizationId= */
export type OfferList = { items: OrientationOfferView[]; structureComplete: boolean | null; canManage: boolean };

export type OpeningRange = { day: number; opens: string; closes: string };

export type OfferInput = {
  name: string;
  careKind: string;
  specialties: string[];
  ageMin: number | null;
  ageMax: number | null;
  conditions: string[];
  capacity: number | null;
  freePlaces: number | null;
  servedCommunes: string[];
  contactPhone: string | null;
  contactEmail: string | null;
  contactMssante: string | null;
  openingHours: OpeningRange[];
  description: string | null;
  active: boolean;
};

export type RorCategory = 'mco' | 'smr' | 'psy' | 'had' | 'usld' | 'medico_social' | 'ambulatory' | 'other';
/** GET /api/orientation/completeness (indicator 3.2) */
export type OfferCompleteness = { category: RorCategory; establishments: number; described: number; complete: number; share: number };

// ---- Care-team invitations (src/files/invitations.ts) ----

export type InvitationState = 'valid' | 'expired' | 'revoked' | 'used';
export type MailStatus = 'pending' | 'sent' | 'failed' | 'not_configured';

export type InvitationView = {
  id: string;
  fileId: string;
  memberId: string;
  person: PersonRef;
  email: string;
  invitedBy: PersonRef;
  createdAt: string;
  expiresAt: string;
  mailStatus: MailStatus;
  firstUsedAt: string | null;
  accountCompletedAt: string | null;
  revokedAt: string | null;
  state: InvitationState;
};

/** POST /api/files/:id/invitations: added directly (a Trame account) or invited; `link` only when the mail did not leave. */
export type InviteAnswer =
  | { outcome: 'added'; member: CareTeamMemberView; invitation: null; link: null }
  | { outcome: 'invited'; member: null; invitation: InvitationView; link: string | null };

export type InvitationInput = {
  professionalId?: string;
  givenName?: string;
  familyName?: string;
  profession?: string | null;
  email?: string;
  role: CareTeamRole;
  periodStart?: string;
  periodEnd?: string | null;
};

/** GET /api/invitations/:token (public): the patient as initials only. */
export type InvitationPreview = {
  invitedBy: PersonRef;
  structureName: string;
  patientInitials: string;
  person: PersonRef;
  role: CareTeamRole;
  expiresAt: string;
  firstUsedAt: string | null;
};

export type MyTeamFile = { fileId: string; patient: { id: string; givenName: string; familyName: string; birthDate: string }; structureName: string; role: CareTeamRole; since: string };
/** GET /api/care-teams/mine */
export type MyCareTeams = { needsPassword: boolean; files: MyTeamFile[] };

// ---- requests for support (src/referrals) ----
export type ReferralSummary = {
  id: string;
  status: string;
  channel: string;
  structure: { id: string; name: string };
  requesterCategory: string;
  requesterName: string;
  person: { givenName: string; familyName: string; birthDate: string | null };
  urgency: string;
  criteria: string[];
  receivedAt: string;
  waitingMinutes: number | null;
  firstResponseMinutes: number | null;
  assignee: PersonRef | null;
  fileId: string | null;
  version: number;
};
export type ReferralView = ReferralSummary & {
  requesterPhone: string | null;
  requesterEmail: string | null;
  personCommuneInsee: string | null;
  personPhone: string | null;
  patientId: string | null;
  situation: string;
  consentToContact: boolean;
  mission: string | null;
  redirectedToName: string | null;
  closureReason: string | null;
  outcomeMessage: string | null;
  decidedAt: string | null;
  steps: { kind: string; at: string; actor: PersonRef | null; message: string | null }[];
  permissions: { canTriage: boolean };
};
export type ReferralContentInput = {
  structureId: string;
  person: { givenName: string; familyName: string; birthDate?: string | null; communeInsee?: string | null; phone?: string | null };
  situation: string;
  criteria: string[];
  urgency: string;
  consentToContact: boolean;
};
export type PublicReferralForm = { formToken: string; structures: { id: string; name: string; communeName: string | null }[] };
export type PublicReferralStatus = { status: string; structureName: string; receivedAt: string; decidedAt: string | null; outcomeMessage: string | null };

// ---- tasks (src/tasks) ----
export type TaskAssignee = { kind: 'person' | 'structure'; id: string; name: string };
export type TaskView = {
  id: string;
  fileId: string;
  patient: { id: string; name: string } | null;
  title: string;
  description: string | null;
  assignee: TaskAssignee | null;
  dueOn: string | null;
  priority: string;
  status: string;
  overdue: boolean;
  createdBy: PersonRef | null;
  createdAt: string;
  completedAt: string | null;
  comments: { id: string; author: PersonRef | null; writtenAt: string; text: string }[];
  version: number;
};
export type MyTasks = { items: TaskView[]; counts: { overdue: number; dueToday: number; open: number } };

// ---- breakdown observatory (src/breakdowns) ----
export type BreakdownView = {
  id: string;
  fileId: string | null;
  occurredOn: string;
  kind: string;
  cause: string;
  consequence: string;
  structuresInvolved: string[];
  description: string | null;
  commune: { insee: string; name: string } | null;
  recordedBy: PersonRef | null;
  recordedAt: string;
  version: number;
};
export type BreakdownList = { items: BreakdownView[]; byKind: { key: string; count: number }[]; byCause: { key: string; count: number }[] };

// ---- consents (src/consents) ----
export type ConsentView = {
  id: string;
  patientId: string;
  kind: string;
  fileId: string | null;
  recipient: { kind: 'person' | 'structure'; id: string; name: string } | null;
  categories: string[];
  collectedAt: string;
  collectedBy: PersonRef | null;
  channel: string;
  documentId: string | null;
  comment: string | null;
  withdrawnAt: string | null;
  withdrawnBy: PersonRef | null;
  active: boolean;
  version: number;
};
export type ConsentSummary = { informedAt: string | null; opposed: boolean; items: ConsentView[] };

// ---- documents (src/documents) ----
export type DocumentView = {
  id: string;
  fileId: string;
  patientId: string;
  title: string;
  type: { code: string; system: string; label: string };
  visibility: string;
  isEvaluation: boolean;
  currentVersion: number;
  createdBy: PersonRef | null;
  createdAt: string;
  versions: { number: number; filename: string; mediaType: string; size: number; sha256: string; scanStatus: string; uploadedBy: PersonRef | null; uploadedAt: string }[];
  version: number;
};
