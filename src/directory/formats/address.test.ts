import { test } from 'node:test';
import assert from 'node:assert/strict';
import { streetLine } from './address.ts';

test('street lines: the type code spelt out in the case of the street name', () => {
  assert.equal(streetLine('4', 'B', 'R', 'Larrey'), '4 B rue Larrey');
  assert.equal(streetLine('900', null, 'RTE', 'DE PARIS'), '900 ROUTE DE PARIS');
  assert.equal(streetLine('7', null, 'ALL', 'DES TILLEULS'), '7 ALLÉE DES TILLEULS');
  assert.equal(streetLine('19', null, 'Avenue', 'de la Libération'), '19 avenue de la Libération', 'a label is used as given, in lower case');
});

test('street lines: no type twice, unknown codes kept, missing parts left out', () => {
  assert.equal(streetLine('40', null, 'CHE', 'CHEMIN SAFER MORANGE'), '40 CHEMIN SAFER MORANGE');
  assert.equal(streetLine('1', null, 'R', 'RUELLE DES MOINES'), '1 RUE RUELLE DES MOINES');
  assert.equal(streetLine(null, null, 'ZAC', 'DES HAUTS DE COUPEAU'), 'ZAC DES HAUTS DE COUPEAU');
  assert.equal(streetLine(null, null, null, null), null);
  assert.equal(streetLine('12', null, null, '  Grande  Rue '), '12 Grande Rue');
});
