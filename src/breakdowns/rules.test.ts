import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BREAKDOWN_CAUSES, BREAKDOWN_CONSEQUENCES, BREAKDOWN_KINDS, checkOccurredOn, countBy, csvCell, csvLine } from './rules.ts';
import { BREAKDOWN_CAUSE_LABELS, BREAKDOWN_CONSEQUENCE_LABELS, BREAKDOWN_KIND_LABELS, breakdownLabel } from './labels-fr.ts';

test('quotes a CSV cell only when it holds the separator, a quote or a line break', () => {
  assert.equal(csvCell('Sortie un vendredi'), 'Sortie un vendredi');
  assert.equal(csvCell('CHU; service de gériatrie'), '"CHU; service de gériatrie"');
  assert.equal(csvCell('dit « non » puis "oui"'), '"dit « non » puis ""oui"""');
  assert.equal(csvCell('ligne 1\nligne 2'), '"ligne 1\nligne 2"');
  assert.equal(csvCell(null), '');
  assert.equal(csvLine(['a', 2, null, 'b;c']), 'a;2;;"b;c"');
});

test('refuses a breakdown in the future', () => {
  assert.throws(() => checkOccurredOn('2026-11-24', '2026-11-23'), { code: 'breakdowns.in_future' });
  checkOccurredOn('2026-11-23', '2026-11-23');
});

test('counts by key, most frequent first, ties by key', () => {
  assert.deepEqual(countBy(['b', 'a', 'b', 'c', 'a', 'b'], (x) => x), [{ key: 'b', count: 3 }, { key: 'a', count: 2 }, { key: 'c', count: 1 }]);
});

test('labels every code of the thesauri in French', () => {
  for (const code of BREAKDOWN_KINDS) assert.ok(BREAKDOWN_KIND_LABELS[code]);
  for (const code of BREAKDOWN_CAUSES) assert.ok(BREAKDOWN_CAUSE_LABELS[code]);
  for (const code of BREAKDOWN_CONSEQUENCES) assert.ok(BREAKDOWN_CONSEQUENCE_LABELS[code]);
  assert.equal(breakdownLabel('kind', 'no_gp'), 'Absence de médecin traitant');
  assert.equal(breakdownLabel('cause', 'unknown-code'), 'unknown-code');
});
