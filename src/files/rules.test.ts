import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkNoOverlap, checkPeriod, checkStatusChange, isActiveAt, periodsOverlap, statusFields, summariseAccesses } from './rules.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

test('treats periods as half-open: active from the start, no longer at the end', () => {
  const period = { start: d('2026-01-01'), end: d('2026-02-01') };
  assert.equal(isActiveAt(period, d('2026-01-01')), true);
  assert.equal(isActiveAt(period, d('2026-01-31')), true);
  assert.equal(isActiveAt(period, d('2026-02-01')), false);
  assert.equal(isActiveAt(period, d('2025-12-31')), false);
  assert.equal(isActiveAt({ start: d('2026-01-01'), end: null }, d('2040-01-01')), true);
});

test('sees overlaps, but not periods that only touch', () => {
  const jan = { start: d('2026-01-01'), end: d('2026-02-01') };
  assert.equal(periodsOverlap(jan, { start: d('2026-02-01'), end: null }), false);
  assert.equal(periodsOverlap(jan, { start: d('2026-01-31'), end: null }), true);
  assert.equal(periodsOverlap({ start: d('2026-03-01'), end: null }, jan), false);
  assert.equal(periodsOverlap({ start: d('2025-01-01'), end: null }, jan), true);
});

test('refuses a period that ends before it starts, and a second overlapping membership', () => {
  assert.throws(() => checkPeriod({ start: d('2026-02-01'), end: d('2026-01-01') }), { code: 'files.period_invalid' });
  assert.throws(() => checkPeriod({ start: d('2026-02-01'), end: d('2026-02-01') }), { code: 'files.period_invalid' });
  checkPeriod({ start: d('2026-02-01'), end: null });
  assert.throws(() => checkNoOverlap([{ start: d('2026-01-01'), end: null }], { start: d('2026-03-01'), end: null }), { code: 'files.member_already_in_team' });
  checkNoOverlap([{ start: d('2026-01-01'), end: d('2026-02-01') }], { start: d('2026-02-01'), end: null });
});

test('needs a reason to close, and refuses a change to the current state', () => {
  assert.throws(() => checkStatusChange({ status: 'open' }, { status: 'closed' }), { code: 'files.closure_reason_required' });
  assert.throws(() => checkStatusChange({ status: 'closed' }, { status: 'closed', closureReason: 'death' }), { code: 'files.already_closed' });
  assert.throws(() => checkStatusChange({ status: 'open' }, { status: 'open' }), { code: 'files.already_open' });
  checkStatusChange({ status: 'open' }, { status: 'closed', closureReason: 'improvement' });
  checkStatusChange({ status: 'closed' }, { status: 'open' });
  assert.throws(() => checkStatusChange({ status: 'open' }, { status: 'suspended' }), { code: 'files.suspension_reason_required' });
  assert.throws(() => checkStatusChange({ status: 'closed' }, { status: 'suspended', suspensionReason: 'hospital_stay' }), { code: 'files.closed' });
  checkStatusChange({ status: 'open' }, { status: 'suspended', suspensionReason: 'hospital_stay' });
  checkStatusChange({ status: 'suspended' }, { status: 'open' });
  checkStatusChange({ status: 'suspended' }, { status: 'closed', closureReason: 'death' });
});

test('keeps the dates and reason of the new state only', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  assert.deepEqual(statusFields({ status: 'suspended', suspensionReason: 'hospital_stay' }, now), { status: 'suspended', suspendedAt: now, suspensionReason: 'hospital_stay', closedAt: null, closureReason: null });
  assert.deepEqual(statusFields({ status: 'closed', closureReason: 'death' }, now), { status: 'closed', closedAt: now, closureReason: 'death', suspendedAt: null, suspensionReason: null });
  assert.deepEqual(statusFields({ status: 'open' }, now), { status: 'open', closedAt: null, closureReason: null, suspendedAt: null, suspensionReason: null });
});

test('folds a page visit into one line per person and kind of access', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));
  const line = (minute: number, actorId: string, action: string, outcome = 'allowed') => ({ at: at(minute), actorId, actorRole: 'coordinator', action, outcome });
  const visits = summariseAccesses([
    line(50, 'claire', 'journal.read'),
    line(49, 'claire', 'file.read'),
    line(48, 'claire', 'journal.write'),
    line(47, 'claire', 'timeline.read'),
    line(46, 'claire', 'file.read'),
    line(30, 'julien', 'file.read', 'denied'),
    line(10, 'claire', 'file.read'),
  ]);
  assert.deepEqual(
    visits.map((v) => [v.actorId, v.kind, v.actions.join(' '), v.firstAt.getUTCMinutes(), v.lastAt.getUTCMinutes()]),
    [
      ['claire', 'consultation', 'journal.read file.read', 49, 50],
      ['claire', 'change', 'journal.write', 48, 48],
      ['claire', 'consultation', 'timeline.read file.read', 46, 47],
      ['julien', 'refused', 'file.read', 30, 30],
      ['claire', 'consultation', 'file.read', 10, 10],
    ],
  );
});
