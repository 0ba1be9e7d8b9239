import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '#src/core/http/errors.ts';
import { byFrenchName, checkCommuneCodes, checkName } from './rules.ts';

const known = new Set(['49007', '49353', '2A004']);
const isKnown = (code: string) => known.has(code);

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DomainError && error.status === 400);
    return (error.details as { fields: Record<string, string> }).fields;
  }
  assert.fail('expected a 400');
}

test('merges duplicate codes and refuses unknown ones, naming them', () => {
  assert.deepEqual(checkCommuneCodes(['49353', '49007', ' 49353', '2a004'], isKnown), ['2A004', '49007', '49353']);
  assert.deepEqual(fieldsOf(() => checkCommuneCodes(['49007', '49999', '12345'], isKnown)), { communes: 'unknown INSEE code 12345, 49999' });
  assert.deepEqual(checkCommuneCodes([], isKnown), [], 'an empty territory can be saved, then filled');
});

test('refuses an empty name and tidies spaces', () => {
  assert.equal(checkName('  CPTS   Loire-Est '), 'CPTS Loire-Est');
  assert.deepEqual(fieldsOf(() => checkName('   ')), { name: 'required' });
});

test('sorts commune names as a French reader expects', () => {
  const sorted = [{ name: 'Feneu' }, { name: 'Écouflant' }, { name: 'Cantenay-Épinard' }, { name: 'Angers' }].sort(byFrenchName);
  assert.deepEqual(sorted.map((c) => c.name), ['Angers', 'Cantenay-Épinard', 'Écouflant', 'Feneu']);
});
