import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBirthDate, nameSplitsOf, searchNamesOf } from './rules.ts';

const now = new Date('2026-11-23T10:00:00Z');

test('accepts real past dates and names the field of a bad one', () => {
  checkBirthDate('1940-02-29', now);
  checkBirthDate('2026-11-23', now);
  for (const [value, code] of [
    ['1941-02-29', 'patients.birth_date_invalid'],
    ['2026-13-01', 'patients.birth_date_invalid'],
    ['2027-01-01', 'patients.birth_date_future'],
    ['1889-12-31', 'patients.birth_date_too_old'],
  ] as const) {
    assert.throws(() => checkBirthDate(value, now), (error: { code: string; details: { fields: Record<string, string> } }) => {
      assert.equal(error.code, code);
      assert.ok(error.details.fields.birthDate);
      return true;
    });
  }
});

test('normalises names so accents, case, hyphens and apostrophes never matter', () => {
  assert.deepEqual(searchNamesOf({ birthName: "N'DIAYE-Lefèvre", usedName: 'Œuvray', givenName: 'Hélène' }), {
    searchBirthName: 'n diaye lefevre',
    searchUsedName: 'oeuvray',
    searchGivenName: 'helene',
  });
});

test('reads a query as family name then given name, both ways', () => {
  assert.deepEqual(nameSplitsOf('Lemaire'), [{ family: 'lemaire', given: null }]);
  assert.deepEqual(nameSplitsOf('le gall ma'), [
    { family: 'le gall ma', given: null },
    { family: 'le', given: 'gall ma' },
    { family: 'gall ma', given: 'le' },
    { family: 'le gall', given: 'ma' },
    { family: 'ma', given: 'le gall' },
  ]);
  assert.deepEqual(nameSplitsOf('  '), []);
});
