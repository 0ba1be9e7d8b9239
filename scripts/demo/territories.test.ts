import assert from 'node:assert/strict';
import { test } from 'node:test';
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { buildTerritories } from './territories.ts';
import { buildStructures } from './structures.ts';

const current = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));

test("the DAC serves the arrondissement of Angers, the CPTS communes east of Angers inside the DAC's area", () => {
  const [dac, cpts] = buildTerritories();
  const structures = new Set(buildStructures().map((s) => s.key));
  assert.ok(dac && cpts && structures.has(dac.structureKey) && structures.has(cpts.structureKey));
  assert.equal(dac.communes.length, [...current.values()].filter((c) => c.arrondissement === '491').length);
  assert.ok(dac.communes.includes('49007'), 'Angers');
  assert.equal(cpts.communes.length, 8);
  for (const code of cpts.communes) {
    assert.ok(current.has(code), `${code} is a current commune`);
    assert.ok(dac.communes.includes(code), `${current.get(code)?.nom} is in the DAC's area too`);
  }
  assert.ok(!cpts.communes.includes('49007'), 'Angers itself is not the CPTS');
});
