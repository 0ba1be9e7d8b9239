import assert from 'node:assert/strict';
import { test } from 'node:test';
import communesData from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { communeByInsee, communesOf, departementName, groupsOfRegion, populationOf, regionExists, searchCommunes } from './communes.ts';

const PAYS_DE_LA_LOIRE = '52';
const names = (list: { name: string }[]) => list.map((c) => c.name);

test('finds a commune by its name without accents, hyphens or capitals', () => {
  const found = searchCommunes('les ponts de ce', { regionCode: PAYS_DE_LA_LOIRE, limit: 10 });
  assert.equal(found[0]?.name, 'Les Ponts-de-Cé');
  assert.equal(found[0]?.insee, '49246');
  assert.equal(searchCommunes('PONTS CE', { limit: 5 })[0]?.name, 'Les Ponts-de-Cé', 'words in any position, whole France');
  assert.equal(searchCommunes('st barthelemy', { regionCode: PAYS_DE_LA_LOIRE, limit: 5 }).length, 0, 'no abbreviations: « saint » is typed');
  assert.ok(names(searchCommunes('saint barth', { regionCode: PAYS_DE_LA_LOIRE, limit: 5 })).includes("Saint-Barthélemy-d'Anjou"));
  assert.equal(searchCommunes('ecouflant', { regionCode: PAYS_DE_LA_LOIRE, limit: 5 })[0]?.name, 'Écouflant');
});

test('puts the exact name first, then bigger communes first', () => {
  assert.equal(searchCommunes('angers', { regionCode: PAYS_DE_LA_LOIRE, limit: 5 })[0]?.insee, '49007');
  const saints = searchCommunes('saint', { regionCode: PAYS_DE_LA_LOIRE, limit: 20 });
  assert.equal(saints.length, 20);
  for (let i = 1; i < saints.length; i++) assert.ok(saints[i - 1]!.population >= saints[i]!.population, 'by population');
});

test('finds communes by postal code or INSEE code prefix, within the région by default', () => {
  const trelaze = searchCommunes('49800', { regionCode: PAYS_DE_LA_LOIRE, limit: 10 });
  assert.deepEqual(names(trelaze).slice(0, 3), ['Loire-Authion', 'Trélazé', 'Sarrigné'], 'postal code 49800, bigger first');
  assert.ok(trelaze.every((c) => c.postalCodes.includes('49800')));
  assert.equal(searchCommunes('49353', { regionCode: PAYS_DE_LA_LOIRE, limit: 10 })[0]?.name, 'Trélazé');
  assert.equal(searchCommunes('75056', { regionCode: PAYS_DE_LA_LOIRE, limit: 10 }).length, 0, 'Paris is not in Pays de la Loire');
  assert.equal(searchCommunes('75056', { limit: 10 })[0]?.name, 'Paris');
  assert.equal(searchCommunes('2A004', { limit: 1 })[0]?.name, 'Ajaccio', 'Corsican codes');
  assert.deepEqual(searchCommunes('', { limit: 10 }), []);
});

test('keeps current communes only, with their population', () => {
  assert.equal(communeByInsee('49042'), undefined, "Brain-sur-l'Authion is a delegated commune of Loire-Authion");
  const loireAuthion = communeByInsee('49307')!;
  assert.equal(loireAuthion.name, 'Loire-Authion');
  assert.equal(loireAuthion.epci, '244900015', 'Angers Loire Métropole');
  assert.equal(departementName('49'), 'Maine-et-Loire');
  assert.equal(regionExists('52'), true);
  assert.equal(regionExists('99'), false);
});

test('the population of a list of communes is the sum of the official figures, each commune once', () => {
  const arrondissement = communesOf({ arrondissement: '491' });
  const official = communesData.filter((c) => c.type === 'commune-actuelle' && c.arrondissement === '491');
  assert.equal(arrondissement.length, official.length);
  const expected = official.reduce((sum, c) => sum + (c.population ?? 0), 0);
  const codes = arrondissement.map((c) => c.insee);
  assert.equal(populationOf(codes), expected);
  assert.equal(populationOf([...codes, '49007', 'nope']), expected, 'duplicates and unknown codes add nothing');
  assert.equal(communesOf({ departement: '49' }).length, communesData.filter((c) => c.type === 'commune-actuelle' && c.departement === '49').length);
});

test('lists the départements, arrondissements and intercommunalités of the région with their totals', () => {
  const groups = groupsOfRegion(PAYS_DE_LA_LOIRE);
  assert.deepEqual(groups.departements.map((d) => d.code), ['44', '49', '53', '72', '85']);
  const angers = groups.arrondissements.find((a) => a.code === '491')!;
  assert.equal(angers.name, 'Angers');
  assert.equal(angers.communeCount, communesOf({ arrondissement: '491' }).length);
  const metropole = groups.epcis.find((e) => e.code === '244900015')!;
  assert.equal(metropole.name, 'CU Angers Loire Métropole');
  assert.equal(metropole.population, populationOf(communesOf({ epci: '244900015' }).map((c) => c.insee)));
  const total = groups.departements.reduce((sum, d) => sum + d.communeCount, 0);
  assert.equal(total, communesOf({ region: PAYS_DE_LA_LOIRE }).length);
});
