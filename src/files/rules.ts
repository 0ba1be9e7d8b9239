// Pure rules of coordination files and care teams. Periods are half-open: [start, end).
import { BadInput, Conflict } from '#src/core/http/errors.ts';

export const CARE_TEAM_ROLES = [
  'attending_gp', 'nurse', 'pharmacist', 'physiotherapist', 'specialist', 'social_worker',
  'home_care', 'hospital', 'caregiver', 'coordinator', 'other',
] as const;
export type CareTeamRole = (typeof CARE_TEAM_ROLES)[number];

export const JOURNAL_CATEGORIES = ['note', 'phone_call', 'visit', 'meeting', 'alert'] as const;
export type JournalCategory = (typeof JOURNAL_CATEGORIES)[number];

// Why a file ends, as DAC activity reporting counts them.
export const CLOSURE_REASONS = [
  'improvement', 'goals_met', 'moved', 'handed_over', 'nursing_home', 'hospital_long_stay', 'death', 'refusal', 'lost_contact', 'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const SUSPENSION_REASONS = ['hospital_stay', 'patient_request', 'waiting_answer', 'other'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** DAC missions (national activity reporting): 1 information and orientation, 2 support of a complex path, 3 territorial coordination. */
export const DAC_MISSIONS = ['information_orientation', 'complex_path', 'territorial'] as const;
export type DacMission = (typeof DAC_MISSIONS)[number];

export const SUPPORT_LEVELS = ['ponctuel', 'soutenu', 'intensif'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

export type Period = { start: Date; end: Date | null };

export function isActiveAt(period: Period, at: Date): boolean {
  return period.start.getTime() <= at.getTime() && (period.end === null || at.getTime() < period.end.getTime());
}

export function periodsOverlap(a: Period, b: Period): boolean {
  const aEnds = a.end?.getTime() ?? Infinity;
  const bEnds = b.end?.getTime() ?? Infinity;
  return a.start.getTime() < bEnds && b.start.getTime() < aEnds;
}

export function checkPeriod(period: Period): void {
  if (period.end && period.end.getTime() <= period.start.getTime()) {
    throw new BadInput('files.period_invalid', 'The period ends before it starts', { periodEnd: 'must be after the start' });
  }
}

/** A person holds one place in a team at a time: a second, overlapping membership is refused. */
export function checkNoOverlap(existing: readonly Period[], added: Period): void {
  if (existing.some((period) => periodsOverlap(period, added))) {
    throw new Conflict('files.member_already_in_team', 'This person is already in the care team for that period');
  }
}

export const FILE_STATUSES = ['open', 'suspended', 'closed'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];
export type FileState = { status: FileStatus };
export type StatusChange = { status: FileStatus; closureReason?: ClosureReason | null | undefined; suspensionReason?: SuspensionReason | null | undefined };

/**
 * Open ⇄ suspended (a hospital stay, say: the file waits), open or suspended → closed with a reason,
 * closed or suspended → open again (reopen). Closing and suspending need their reason; asking for the
 * current state is refused.
 */
export function checkStatusChange(file: FileState, change: StatusChange): void {
  if (change.status === file.status) throw new Conflict(`files.already_${file.status}`, `The file is already ${file.status}`);
  if (change.status === 'closed' && !change.closureReason) {
    throw new BadInput('files.closure_reason_required', 'A closure reason is required', { closureReason: 'required to close' });
  }
  if (change.status === 'suspended' && file.status === 'closed') {
    throw new Conflict('files.closed', 'A closed file is reopened, not suspended');
  }
  if (change.status === 'suspended' && !change.suspensionReason) {
    throw new BadInput('files.suspension_reason_required', 'A suspension reason is required', { suspensionReason: 'required to suspend' });
  }
}

/** What the file row becomes on a status change: the dates and reasons of the new state, the others cleared. */
export function statusFields(change: StatusChange, now: Date) {
  if (change.status === 'closed') return { status: 'closed', closedAt: now, closureReason: change.closureReason!, suspendedAt: null, suspensionReason: null };
  if (change.status === 'suspended') return { status: 'suspended', suspendedAt: now, suspensionReason: change.suspensionReason!, closedAt: null, closureReason: null };
  return { status: 'open', closedAt: null, closureReason: null, suspendedAt: null, suspensionReason: null };
}

/** How a coordinator reads the audit trail of a file: who looked, who changed something, who was refused. */
export type AccessKind = 'consultation' | 'change' | 'refused';
const CHANGE_ACTIONS = new Set(['file.open', 'file.update', 'file.import', 'careTeam.add', 'careTeam.end', 'journal.write']);

export function accessKindOf(action: string, outcome: string): AccessKind {
  if (outcome === 'denied') return 'refused';
  return CHANGE_ACTIONS.has(action) ? 'change' : 'consultation';
}

export type AccessLine = { at: Date; actorId: string | null; actorRole: string | null; action: string; outcome: string };
export type AccessVisit = { actorId: string | null; actorRole: string | null; kind: AccessKind; firstAt: Date; lastAt: Date; actions: string[] };

/**
 * Folds audit lines (newest first) into visits: one person, one kind of access, with no gap longer
 * than `windowMs`. Opening a file page reads the file, its journal and its timeline: one visit, not three.
 */
export function summariseAccesses(lines: readonly AccessLine[], windowMs = 10 * 60_000): AccessVisit[] {
  const visits: AccessVisit[] = [];
  for (const line of lines) {
    const kind = accessKindOf(line.action, line.outcome);
    const current = visits.at(-1);
    const continues = current && current.actorId === line.actorId && current.kind === kind && current.firstAt.getTime() - line.at.getTime() <= windowMs;
    if (continues) {
      current.firstAt = line.at;
      if (!current.actions.includes(line.action)) current.actions.push(line.action);
      continue;
    }
    visits.push({ actorId: line.actorId, actorRole: line.actorRole, kind, firstAt: line.at, lastAt: line.at, actions: [line.action] });
  }
  return visits;
}
