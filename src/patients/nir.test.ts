import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkNir, nirIncoherences, nirKey } from './nir.ts';

// Vectors of domain/rules.md §1.
const VALID = [
  '185077505612323', '292065919803347', '253072A07300443', '253072B07300470', '169029935201240',
  '285109710504275', '185077505614697', '155201305500135', '295109912611193', '255081416802538',
];
const INVALID: [string, string][] = [
  ['185077505612332', 'key'],
  ['185077505612324', 'key'],
  ['253072A07300470', 'key'],
  ['253072B07300443', 'key'],
  ['185077505614600', 'key'],
  ['18507750561232', 'length'],
  ['253072C07300443', 'characters'],
];

test('accepts every valid vector, spaces and case aside', () => {
  for (const nir of VALID) assert.equal(checkNir(nir).valid, true, nir);
  assert.deepEqual(checkNir('2 53 07 2a 073 004 43'), { valid: true, nir: '253072A07300443', warnings: [] });
});

test('refuses every invalid vector with its reason', () => {
  for (const [nir, reason] of INVALID) assert.deepEqual(checkNir(nir), { valid: false, reason }, nir);
});

test('reads 2A as 19 and 2B as 18, not as 20', () => {
  assert.equal(nirKey('253072A073004'), 43);
  assert.equal(nirKey('253072B073004'), 70);
  assert.equal(97 - Number(BigInt('2530720073004') % 97n), 16, 'the wrong reading gives 16 to both');
});

test('gives key 97, never 00, when the body is divisible by 97', () => {
  assert.equal(nirKey('1850775056146'), 97);
});

test('warns about an unusual month or sex digit without refusing', () => {
  assert.deepEqual(checkNir('155201305500135'), { valid: true, nir: '155201305500135', warnings: [] }, 'month 20 is a known value');
  const body = '3850775056123';
  const provisional = checkNir(body + String(nirKey(body)).padStart(2, '0'));
  assert.equal(provisional.valid, true);
  assert.match((provisional as { warnings: string[] }).warnings.join(), /sex digit/);
  const oddMonth = '1851375056123';
  const odd = checkNir(oddMonth + String(nirKey(oddMonth)).padStart(2, '0'));
  assert.match((odd as { warnings: string[] }).warnings.join(), /unusual birth month 13/);
});

test('finds where a NIR and the strict traits disagree', () => {
  const traits = { sex: 'M' as const, birthDate: '1985-07-14', birthplaceInsee: '75056' };
  assert.deepEqual(nirIncoherences('185077505612323', traits), []);
  assert.deepEqual(
    nirIncoherences('185077505612323', { sex: 'F', birthDate: '1986-08-14', birthplaceInsee: '75101' }).map((i) => [i.trait, i.severity]),
    [['sex', 'error'], ['birthDate', 'error'], ['birthDate', 'error'], ['birthplace', 'warning']],
  );
  assert.deepEqual(nirIncoherences('155201305500135', { sex: 'M', birthDate: '1955-04-01', birthplaceInsee: '13055' }), [], 'month 20 is not compared');
  assert.deepEqual(nirIncoherences('169029935201240', { sex: 'M', birthDate: '1969-02-01', birthplaceInsee: '99352' }), [], 'born abroad: 99 + country');
  assert.deepEqual(nirIncoherences('285109710504275', { sex: 'F', birthDate: '1985-10-02', birthplaceInsee: '97105' }), [], 'overseas: 971 + 05');
  assert.deepEqual(nirIncoherences('253072A07300443', { sex: 'F', birthDate: '1953-07-02', birthplaceInsee: '2a073' }), [], 'Corsica');
});
