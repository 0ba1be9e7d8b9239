// Pure rules of requests for support (demandes d'appui): who may ask, by which channel, the states of
// triage and the moves between them, and the times a DAC watches (first response, decision).
import { Conflict } from '#src/core/http/errors.ts';

/** Who asks, as the national DAC activity report counts them. */
export const REQUESTER_CATEGORIES = [
  'gp', 'specialist', 'nurse', 'pharmacist', 'other_health_professional', 'hospital', 'esms', 'home_care',
  'social_worker', 'patient', 'relative', 'other',
] as const;
export type RequesterCategory = (typeof REQUESTER_CATEGORIES)[number];
/** What the public form offers: no account, so no professional category to claim. */
export const PUBLIC_REQUESTER_CATEGORIES = ['patient', 'relative', 'other'] as const;

export const CHANNELS = ['app', 'public_form', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Why a situation is complex (the criteria a requester ticks). */
export const COMPLEXITY_CRITERIA = [
  'isolation', 'falls', 'memory_complaints', 'caregiver_exhausted_or_far', 'multiple_chronic_conditions', 'polymedication',
  'repeated_hospitalisations', 'social_precarity', 'housing', 'disability', 'psychiatric_disorder', 'end_of_life', 'no_gp',
  'refusal_of_care', 'other',
] as const;

export const URGENCIES = ['within_48h', 'within_week', 'within_month', 'not_urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REFERRAL_STATUSES = ['received', 'info_requested', 'accepted', 'redirected', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Still in the queue: nothing decided yet. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['received', 'info_requested'];

export const REFERRAL_CLOSURE_REASONS = ['not_complex', 'out_of_territory', 'duplicate', 'no_consent', 'handled_by_phone', 'other'] as const;
export type ReferralClosureReason = (typeof REFERRAL_CLOSURE_REASONS)[number];

export type StepKind = 'submitted' | 'assigned' | 'info_requested' | 'info_added' | 'accepted' | 'redirected' | 'closed';

/** Which step leads to which state, from which states. Assignment is internal and changes no state. */
const MOVES: Record<Exclude<StepKind, 'submitted'>, { from: readonly ReferralStatus[]; to: ReferralStatus | null }> = {
  assigned: { from: OPEN_STATUSES, to: null },
  info_requested: { from: ['received'], to: 'info_requested' },
  info_added: { from: ['info_requested'], to: 'received' },
  accepted: { from: OPEN_STATUSES, to: 'accepted' },
  redirected: { from: OPEN_STATUSES, to: 'redirected' },
  closed: { from: OPEN_STATUSES, to: 'closed' },
};

/** The state after `step`, or 409 when the referral is not in a state that allows it. */
export function nextStatus(current: ReferralStatus, step: Exclude<StepKind, 'submitted'>): ReferralStatus {
  const move = MOVES[step];
  if (!move.from.includes(current)) throw new Conflict('referrals.transition_not_allowed', `A referral ${current} cannot be ${step}`, { status: current });
  return move.to ?? current;
}

/** The DAC answers the requester when it asks for information or decides; assigning is internal. */
export function isResponse(step: StepKind): boolean {
  return step === 'info_requested' || step === 'accepted' || step === 'redirected' || step === 'closed';
}

export function isDecision(step: StepKind): boolean {
  return step === 'accepted' || step === 'redirected' || step === 'closed';
}

/** Minutes between two instants, rounded down: the times the queue shows and the activity report sums. */
export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
}

const URGENCY_RANK: Record<string, number> = { within_48h: 0, within_week: 1, within_month: 2, not_urgent: 3 };

/** The queue's order: most urgent first, then the longest waiting. */
export function compareForTriage(a: { urgency: string; receivedAt: Date }, b: { urgency: string; receivedAt: Date }): number {
  return (URGENCY_RANK[a.urgency] ?? 9) - (URGENCY_RANK[b.urgency] ?? 9) || a.receivedAt.getTime() - b.receivedAt.getTime();
}

/** The public form's anti-abuse window: a human takes a few seconds; a form left open for hours is stale. */
export const PUBLIC_FORM_MIN_MS = 3_000;
export const PUBLIC_FORM_MAX_MS = 2 * 3_600_000;

export type FormTimingProblem = 'too_fast' | 'expired' | null;

export function formTimingProblem(issuedAt: number, now: number): FormTimingProblem {
  if (now - issuedAt < PUBLIC_FORM_MIN_MS) return 'too_fast';
  if (now - issuedAt > PUBLIC_FORM_MAX_MS) return 'expired';
  return null;
}
