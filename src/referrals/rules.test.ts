import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareForTriage, formTimingProblem, isDecision, isResponse, minutesBetween, nextStatus, REFERRAL_STATUSES, type StepKind } from './rules.ts';

const STEPS: Exclude<StepKind, 'submitted'>[] = ['assigned', 'info_requested', 'info_added', 'accepted', 'redirected', 'closed'];

test('moves between states as triage does, and refuses every other move', () => {
  const expected: Record<string, Record<string, string | null>> = {
    received: { assigned: 'received', info_requested: 'info_requested', info_added: null, accepted: 'accepted', redirected: 'redirected', closed: 'closed' },
    info_requested: { assigned: 'info_requested', info_requested: null, info_added: 'received', accepted: 'accepted', redirected: 'redirected', closed: 'closed' },
    accepted: { assigned: null, info_requested: null, info_added: null, accepted: null, redirected: null, closed: null },
    redirected: { assigned: null, info_requested: null, info_added: null, accepted: null, redirected: null, closed: null },
    closed: { assigned: null, info_requested: null, info_added: null, accepted: null, redirected: null, closed: null },
  };
  for (const status of REFERRAL_STATUSES) {
    for (const step of STEPS) {
      const want = expected[status]![step];
      if (want === null) assert.throws(() => nextStatus(status, step), { code: 'referrals.transition_not_allowed' }, `${status} × ${step}`);
      else assert.equal(nextStatus(status, step), want, `${status} × ${step}`);
    }
  }
});

test('counts as a response what the requester hears, as a decision what ends the triage', () => {
  assert.deepEqual(STEPS.filter(isResponse), ['info_requested', 'accepted', 'redirected', 'closed']);
  assert.deepEqual(STEPS.filter(isDecision), ['accepted', 'redirected', 'closed']);
});

test('measures waits in whole minutes, never negative', () => {
  const t0 = new Date('2026-11-23T08:00:00Z');
  assert.equal(minutesBetween(t0, new Date('2026-11-23T08:59:59Z')), 59);
  assert.equal(minutesBetween(t0, new Date('2026-11-25T08:00:00Z')), 2880);
  assert.equal(minutesBetween(t0, new Date('2026-11-23T07:00:00Z')), 0);
});

test('orders the queue by urgency, then by the longest wait', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 10, 23, h));
  const items = [
    { id: 'a', urgency: 'not_urgent', receivedAt: at(1) },
    { id: 'b', urgency: 'within_week', receivedAt: at(5) },
    { id: 'c', urgency: 'within_48h', receivedAt: at(9) },
    { id: 'd', urgency: 'within_week', receivedAt: at(2) },
  ];
  assert.deepEqual(items.sort(compareForTriage).map((i) => i.id), ['c', 'd', 'b', 'a']);
});

test('refuses a public form sent within 3 s or after 2 h', () => {
  const issued = Date.UTC(2026, 10, 23, 8);
  assert.equal(formTimingProblem(issued, issued + 2_999), 'too_fast');
  assert.equal(formTimingProblem(issued, issued + 3_000), null);
  assert.equal(formTimingProblem(issued, issued + 2 * 3_600_000), null);
  assert.equal(formTimingProblem(issued, issued + 2 * 3_600_000 + 1), 'expired');
});
