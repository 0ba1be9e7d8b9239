import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryOfAction, checkNewConsent, isActiveAt, standingFor, type ConsentFacts } from './rules.ts';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-23T10:00:00Z');
const reader = { personId: 'p-school', structureId: 's-housing' };

function consent(facts: Partial<ConsentFacts>): ConsentFacts {
  return { kind: 'sharing', recipientStructureId: null, recipientPersonId: null, categories: ['file'], collectedAt: at('2026-11-01T00:00:00Z'), withdrawnAt: null, ...facts };
}

test('a consent is in force from its collection until its withdrawal, excluded', () => {
  const c = consent({ withdrawnAt: at('2026-11-20T00:00:00Z') });
  assert.equal(isActiveAt(c, at('2026-10-31T23:59:59Z')), false);
  assert.equal(isActiveAt(c, at('2026-11-01T00:00:00Z')), true);
  assert.equal(isActiveAt(c, at('2026-11-19T23:59:59Z')), true);
  assert.equal(isActiveAt(c, at('2026-11-20T00:00:00Z')), false);
});

test('covers the reader named, as a person or through their structure, with the categories consented', () => {
  const none = standingFor([], reader, NOW);
  assert.deepEqual([none.opposed, [...none.categories]], [false, []]);
  const toStructure = standingFor([consent({ recipientStructureId: 's-housing', categories: ['file', 'tasks'] })], reader, NOW);
  assert.deepEqual([...toStructure.categories].sort(), ['file', 'tasks']);
  const toPerson = standingFor([consent({ recipientPersonId: 'p-school', categories: ['file', 'documents'] })], reader, NOW);
  assert.deepEqual([...toPerson.categories].sort(), ['documents', 'file']);
  const toSomeoneElse = standingFor([consent({ recipientPersonId: 'p-other', categories: ['file', 'journal'] })], reader, NOW);
  assert.equal(toSomeoneElse.categories.size, 0);
  const withdrawn = standingFor([consent({ recipientStructureId: 's-housing', withdrawnAt: at('2026-11-22T00:00:00Z') })], reader, NOW);
  assert.equal(withdrawn.categories.size, 0, 'a withdrawal takes effect at once');
  const anonymous = standingFor([consent({ recipientStructureId: 's-housing' })], { personId: null, structureId: null }, NOW);
  assert.equal(anonymous.categories.size, 0);
});

test('an objection in force is seen whoever reads; lifted, it no longer counts', () => {
  assert.equal(standingFor([consent({ kind: 'opposition', categories: [] })], reader, NOW).opposed, true);
  assert.equal(standingFor([consent({ kind: 'opposition', categories: [], withdrawnAt: at('2026-11-02T00:00:00Z') })], reader, NOW).opposed, false);
  assert.equal(standingFor([consent({ kind: 'information', categories: [] })], reader, NOW).opposed, false);
});

test('maps the actions read through a consent to their category, and nothing else', () => {
  assert.equal(categoryOfAction('file.read'), 'file');
  assert.equal(categoryOfAction('task.read'), 'tasks');
  assert.equal(categoryOfAction('document.read'), 'documents');
  assert.equal(categoryOfAction('journal.write'), null);
  assert.equal(categoryOfAction('file.update'), null);
});

test('a sharing consent names one recipient and what it covers, always including the file itself', () => {
  const base = { kind: 'sharing' as const, collectedAt: NOW, channel: 'oral' as const };
  assert.deepEqual(checkNewConsent({ ...base, recipientStructureId: 's', categories: ['tasks'] }, NOW).sort(), ['file', 'tasks']);
  assert.throws(() => checkNewConsent({ ...base, categories: ['tasks'] }, NOW), { code: 'consents.recipient_required' });
  assert.throws(() => checkNewConsent({ ...base, recipientStructureId: 's', recipientPersonId: 'p', categories: ['tasks'] }, NOW), { code: 'consents.recipient_required' });
  assert.throws(() => checkNewConsent({ ...base, recipientStructureId: 's', categories: [] }, NOW), { code: 'consents.categories_required' });
  assert.throws(() => checkNewConsent({ ...base, recipientStructureId: 's', categories: ['tasks'], collectedAt: at('2026-11-24T00:00:00Z') }, NOW), { code: 'consents.collected_in_future' });
  assert.throws(() => checkNewConsent({ ...base, channel: 'signed_document', recipientStructureId: 's', categories: ['tasks'] }, NOW), { code: 'consents.document_required' });
});

test('information and objection name no recipient', () => {
  assert.deepEqual(checkNewConsent({ kind: 'information', collectedAt: NOW, channel: 'oral' }, NOW), []);
  assert.deepEqual(checkNewConsent({ kind: 'opposition', collectedAt: NOW, channel: 'electronic' }, NOW), []);
  assert.throws(() => checkNewConsent({ kind: 'opposition', collectedAt: NOW, channel: 'oral', recipientStructureId: 's' }, NOW), { code: 'consents.recipient_not_expected' });
});
