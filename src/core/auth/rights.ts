// Rights are data: for each action, who may do it and through which relation to the object.
// The one place where access is decided (design/architecture.md, "Access", and R-LEG-2 to R-LEG-5:
// `allowed = not opposed AND (in care team OR consent covers it)`, the holding structure aside).
export const ROLES = ['coordinator', 'professional', 'structure_admin', 'regional_viewer', 'platform_admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * - `role`: the acting role is enough;
 * - `structure`: the acting membership's structure holds the object (the file's DAC, say);
 * - `care-team`: the person is an active member of the object's care team, whatever their role;
 * - `identity-referent`: the acting membership is designated referent for identity vigilance;
 * - `consent`: outside the care team, an active consent of the patient covers this person or their
 *   structure for the category of information at stake;
 * - `own`: the object is the person's own (the referral they sent, the task assigned to them).
 * An objection of the patient (`opposed`) voids the care-team and consent relations: only the
 * structure holding the file keeps access.
 */
export type Relation = 'role' | 'structure' | 'care-team' | 'identity-referent' | 'consent' | 'own';
export type Grant = { roles: readonly Role[] | 'any'; via: Relation };

const COORDINATION: readonly Role[] = ['coordinator', 'structure_admin'];
const FIELD: readonly Role[] = ['coordinator', 'professional', 'structure_admin'];

export const RIGHTS = {
  'patient.search': [{ roles: COORDINATION, via: 'role' }],
  'patient.create': [{ roles: COORDINATION, via: 'role' }],
  'patient.read': [
    { roles: COORDINATION, via: 'role' },
    { roles: 'any', via: 'care-team' },
  ],
  // Identity is shared region-wide (one patient, many files): coordinators keep it right.
  'patient.update': [{ roles: ['coordinator'], via: 'role' }],
  // INSi call, document check, doubtful/fictitious attributes, reporting a suspected duplicate or collision.
  'patient.manage-identity': [{ roles: ['coordinator'], via: 'role' }],
  // The region's vigilance queue, merges and un-merges: identity referents only (RNIV).
  'identity.review': [{ roles: 'any', via: 'identity-referent' }],
  // Trust the identity status a sender declares (FHIR): the referent's accounts and tokens.
  'patient.declare-identity-status': [{ roles: 'any', via: 'identity-referent' }],
  'file.open': [{ roles: ['coordinator'], via: 'role' }],
  'file.list-mine': [{ roles: FIELD, via: 'role' }],
  'file.list-structure': [{ roles: COORDINATION, via: 'role' }],
  'file.read': [
    { roles: COORDINATION, via: 'structure' },
    { roles: 'any', via: 'care-team' },
    { roles: FIELD, via: 'consent' },
  ],
  'file.update': [{ roles: ['coordinator'], via: 'structure' }],
  'file.manage-team': [{ roles: ['coordinator'], via: 'structure' }],
  'file.read-access-log': [{ roles: COORDINATION, via: 'structure' }],
  'journal.write': [
    { roles: ['coordinator'], via: 'structure' },
    { roles: 'any', via: 'care-team' },
  ],
  // Requests for support: any professional sends one from the app (the public form needs no account);
  // the receiving structure's staff triage them; the requester follows their own.
  'referral.submit': [{ roles: FIELD, via: 'role' }],
  'referral.list-mine': [{ roles: FIELD, via: 'role' }],
  'referral.triage': [{ roles: COORDINATION, via: 'structure' }],
  'referral.read': [
    { roles: COORDINATION, via: 'structure' },
    { roles: 'any', via: 'own' },
  ],
  // Information, consent and objection: the holding structure's coordinators record them (the care
  // team reads them: it must know what it may share).
  'consent.record': [{ roles: ['coordinator'], via: 'structure' }],
  'consent.read': [
    { roles: COORDINATION, via: 'structure' },
    { roles: 'any', via: 'care-team' },
  ],
  'task.create': [
    { roles: ['coordinator'], via: 'structure' },
    { roles: 'any', via: 'care-team' },
  ],
  'task.read': [
    { roles: COORDINATION, via: 'structure' },
    { roles: 'any', via: 'care-team' },
    { roles: FIELD, via: 'consent' },
  ],
  // Change a task's status, assignee or due date, or comment on it.
  'task.update': [
    { roles: ['coordinator'], via: 'structure' },
    { roles: 'any', via: 'care-team' },
    { roles: 'any', via: 'own' },
  ],
  'task.list-mine': [{ roles: FIELD, via: 'role' }],
  'document.upload': [
    { roles: ['coordinator'], via: 'structure' },
    { roles: 'any', via: 'care-team' },
  ],
  'document.read': [
    { roles: COORDINATION, via: 'structure' },
    { roles: 'any', via: 'care-team' },
    { roles: FIELD, via: 'consent' },
  ],
  // New version, visibility, deletion.
  'document.manage': [
    { roles: ['coordinator'], via: 'structure' },
    { roles: 'any', via: 'care-team' },
  ],
  // The patient's life line: file by file, what the caller may read.
  'patient.lifeline': [
    { roles: COORDINATION, via: 'role' },
    { roles: 'any', via: 'care-team' },
    { roles: FIELD, via: 'consent' },
  ],
  // Breakdown observatory (DAC mission 3): recorded and listed by the structure's coordination staff.
  'breakdown.record': [{ roles: COORDINATION, via: 'structure' }],
  'breakdown.list': [{ roles: COORDINATION, via: 'role' }],
  'directory.search': [{ roles: FIELD, via: 'role' }],
  // The regional directory (professionals, establishments, offers, territories) is public-sector
  // reference data, not personal health data: every role reads it, regional viewers included.
  'directory.read': [{ roles: ROLES, via: 'role' }],
  'directory.import': [{ roles: ['platform_admin'], via: 'role' }],
  // Say which Trame structure an establishment of the directory is (who may describe its offers).
  'directory.link-structure': [{ roles: ['platform_admin'], via: 'role' }],
  'territory.manage': [
    { roles: ['platform_admin'], via: 'role' },
    { roles: ['structure_admin'], via: 'structure' },
  ],
  // Describe an establishment's operational offers (ROR): its own staff, or the platform's administrators.
  'offer.manage': [
    { roles: ['platform_admin'], via: 'role' },
    { roles: COORDINATION, via: 'structure' },
  ],
  'orientation.search': [{ roles: FIELD, via: 'role' }],
  // Send an orientation request from a file, or record the answer the establishment gave by phone.
  'orientation.request': [
    { roles: ['coordinator'], via: 'structure' },
    { roles: 'any', via: 'care-team' },
  ],
  'orientation.read': [
    { roles: COORDINATION, via: 'structure' },
    { roles: 'any', via: 'care-team' },
  ],
  // Requests addressed to my establishment: its staff list and answer them.
  'orientation.list-incoming': [{ roles: FIELD, via: 'role' }],
  'orientation.answer': [{ roles: FIELD, via: 'structure' }],
  'account.manage': [{ roles: ['platform_admin'], via: 'role' }],
} as const satisfies Record<string, readonly Grant[]>;

export type Action = keyof typeof RIGHTS;

export type AccessSubject = { role: Role | null; structureId: string | null; identityReferent?: boolean };
/** What the service found about the object: which structure holds it, whether the person is in its care team. */
export type AccessTarget = { structureIds?: readonly string[]; inCareTeam?: boolean; consentCovers?: boolean; opposed?: boolean; own?: boolean };

function roleMatches(grant: Grant, role: Role | null): boolean {
  if (grant.roles === 'any') return true;
  return role !== null && grant.roles.includes(role);
}

function relationHolds(grant: Grant, subject: AccessSubject, target: AccessTarget): boolean {
  if (grant.via === 'role') return true;
  if (grant.via === 'care-team') return target.inCareTeam === true && target.opposed !== true;
  if (grant.via === 'consent') return target.consentCovers === true && target.opposed !== true;
  if (grant.via === 'own') return target.own === true;
  if (grant.via === 'identity-referent') return subject.identityReferent === true && subject.role !== 'regional_viewer';
  return subject.structureId !== null && (target.structureIds ?? []).includes(subject.structureId);
}

/** Decides an action on an object. Regional viewers match no grant on personal data: aggregates only. */
export function isAllowed(subject: AccessSubject, action: Action, target: AccessTarget = {}): boolean {
  const grants: readonly Grant[] = RIGHTS[action];
  return grants.some((grant) => roleMatches(grant, subject.role) && relationHolds(grant, subject, target));
}

/** Whether some object could allow this action to this role: the coarse check routes run before any I/O. */
export function mayEverDo(role: Role | null, action: Action, identityReferent = false): boolean {
  const grants: readonly Grant[] = RIGHTS[action];
  return grants.some((grant) => {
    if (!roleMatches(grant, role)) return false;
    if (grant.via === 'identity-referent') return identityReferent && role !== 'regional_viewer';
    return !['care-team', 'consent', 'own'].includes(grant.via) || role !== 'regional_viewer';
  });
}
