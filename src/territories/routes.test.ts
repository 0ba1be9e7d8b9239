import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inArray } from 'drizzle-orm';
import communesData from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { buildTestApp, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import { outbox } from '#src/db/schema/index.ts';
import { describeCommunes, findTerritoryCommunes, territoryPopulation } from './service.ts';

// Trélazé, Saint-Barthélemy-d'Anjou, Loire-Authion, Les Ponts-de-Cé
const EAST_OF_ANGERS = ['49353', '49267', '49307', '49246'];
const official = new Map(communesData.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
const populationFromJson = (codes: string[]) => codes.reduce((sum, code) => sum + (official.get(code)?.population ?? 0), 0);

async function region(app: TestApp) {
  const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
  const cpts = await app.makeStructure({ name: 'CPTS Loire-Est', kind: 'cpts' });
  const platformAdmin = await app.makePerson([{ structureId: dac, role: 'platform_admin' }]);
  const dacAdmin = await app.makePerson([{ structureId: dac, role: 'structure_admin' }]);
  const cptsAdmin = await app.makePerson([{ structureId: cpts, role: 'structure_admin' }]);
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
  const viewer = await app.makePerson([{ structureId: dac, role: 'regional_viewer' }]);
  return { dac, cpts, platformAdmin, dacAdmin, cptsAdmin, coordinator, viewer };
}

for (const kind of testDatabaseKinds()) {
  describe(`territories on ${kind}`, () => {
    test('an administrator creates a territory; its population is the sum of its communes; everyone reads it', async (t) => {
      const app = await buildTestApp(t, kind);
      const { dac, platformAdmin, viewer, coordinator } = await region(app);
      const created = await platformAdmin.post('/api/territories', {
        name: '  CPTS Angers Loire-Est ',
        kind: 'cpts',
        structureId: dac,
        communes: [...EAST_OF_ANGERS, '49353', '49007'],
      });
      assert.equal(created.statusCode, 201, created.body);
      const territory = created.json();
      assert.equal(territory.name, 'CPTS Angers Loire-Est');
      assert.equal(territory.communeCount, 5, 'the duplicate Trélazé is merged');
      assert.equal(territory.population, populationFromJson([...EAST_OF_ANGERS, '49007']));
      assert.equal(territory.structureName, 'DAC Anjou');
      assert.equal(territory.version, 1);
      assert.equal(territory.canEdit, true);
      assert.deepEqual(
        territory.communes.map((c: { name: string }) => c.name),
        ['Angers', 'Les Ponts-de-Cé', 'Loire-Authion', "Saint-Barthélemy-d'Anjou", 'Trélazé'],
        'sorted by name',
      );
      assert.equal(territory.communes[0].population, official.get('49007')!.population);

      const list = (await viewer.get('/api/territories')).json();
      assert.equal(list.items.length, 1);
      assert.equal(list.items[0].population, territory.population);
      assert.equal(list.items[0].canEdit, false, 'a regional viewer reads, never edits');
      const read = (await coordinator.get(`/api/territories/${territory.id}`)).json();
      assert.equal(read.communes.length, 5);
      assert.equal(read.canEdit, false);

      const population = await app.asSystem((ctx) => territoryPopulation(ctx, territory.id));
      assert.equal(population, territory.population);
      assert.deepEqual(await app.asSystem((ctx) => findTerritoryCommunes(ctx, territory.id)), ['49007', '49246', '49267', '49307', '49353']);
      assert.equal(describeCommunes(['49246', 'nope']).get('49246')?.name, 'Les Ponts-de-Cé');
      assert.equal(describeCommunes(['nope']).size, 0);

      const events = await app.asSystem((ctx) => ctx.db.select().from(outbox).where(inArray(outbox.type, ['territory.created', 'territory.updated'])));
      assert.deepEqual(events.map((e) => e.type), ['territory.created']);
      assert.equal((events[0]!.payload as { population: number }).population, territory.population);
    });

    test("the structure's administrator edits its territory; a stale version is refused with 409", async (t) => {
      const app = await buildTestApp(t, kind);
      const { dac, dacAdmin } = await region(app);
      const created = await dacAdmin.post('/api/territories', { name: 'Territoire du DAC', kind: 'dac', communes: ['49007'] });
      assert.equal(created.statusCode, 201, created.body);
      const territory = created.json();
      assert.equal(territory.structureId, dac, "without a structure named, the administrator's own");

      const updated = await dacAdmin.patch(`/api/territories/${territory.id}`, { version: 1, name: 'Territoire du DAC Anjou', communes: ['49007', ...EAST_OF_ANGERS] });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json().version, 2);
      assert.equal(updated.json().name, 'Territoire du DAC Anjou');
      assert.equal(updated.json().communeCount, 5);
      assert.equal(updated.json().population, populationFromJson(['49007', ...EAST_OF_ANGERS]));

      const stale = await dacAdmin.patch(`/api/territories/${territory.id}`, { version: 1, communes: ['49007'] });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'territories.stale');
      assert.equal((await dacAdmin.get(`/api/territories/${territory.id}`)).json().communeCount, 5, 'nothing changed');

      const renamedOnly = await dacAdmin.patch(`/api/territories/${territory.id}`, { version: 2, kind: 'other' });
      assert.equal(renamedOnly.json().communeCount, 5, 'communes are kept when not sent');
      assert.equal(renamedOnly.json().kind, 'other');

      const events = await app.asSystem((ctx) => ctx.db.select().from(outbox).where(inArray(outbox.type, ['territory.updated'])).orderBy(outbox.id));
      assert.equal(events.length, 2);
      assert.deepEqual((events[0]!.payload as { fields: string[] }).fields.sort(), ['communes', 'name']);
      assert.equal((events[0]!.payload as { communesAdded: number }).communesAdded, 4);
    });

    test('refuses an unknown INSEE code naming it, and an empty name', async (t) => {
      const app = await buildTestApp(t, kind);
      const { platformAdmin } = await region(app);
      const unknown = await platformAdmin.post('/api/territories', { name: 'Essai', kind: 'other', communes: ['49007', '49999'] });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.code, 'territories.commune_unknown');
      assert.deepEqual(unknown.json().error.details.fields, { communes: 'unknown INSEE code 49999' });

      const delegated = await platformAdmin.post('/api/territories', { name: 'Essai', kind: 'other', communes: ['49042'] });
      assert.equal(delegated.statusCode, 400, "Brain-sur-l'Authion is now part of Loire-Authion");

      const malformed = await platformAdmin.post('/api/territories', { name: 'Essai', kind: 'other', communes: ['4900'] });
      assert.equal(malformed.statusCode, 400);
      assert.ok('communes.0' in malformed.json().error.details.fields, malformed.body);

      const empty = await platformAdmin.post('/api/territories', { name: '   ', kind: 'dac', communes: [] });
      assert.equal(empty.statusCode, 400);
      assert.deepEqual(empty.json().error.details.fields, { name: 'required' });

      const noStructure = await platformAdmin.post('/api/territories', { name: 'Essai', kind: 'dac', structureId: '0190d5e4-0000-7000-8000-000000000000', communes: [] });
      assert.equal(noStructure.statusCode, 400);
      assert.deepEqual(noStructure.json().error.details.fields, { structureId: 'unknown structure' });
      assert.equal((await platformAdmin.get('/api/territories')).json().items.length, 0);
    });

    test("a structure administrator may not touch another structure's territory", async (t) => {
      const app = await buildTestApp(t, kind);
      const { dac, cpts, dacAdmin, cptsAdmin, coordinator, platformAdmin } = await region(app);
      const territory = (await dacAdmin.post('/api/territories', { name: 'Territoire du DAC', kind: 'dac', communes: ['49007'] })).json();

      const refused = await cptsAdmin.patch(`/api/territories/${territory.id}`, { version: 1, communes: ['49353'] });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'access.territory.manage');
      assert.equal((await cptsAdmin.get(`/api/territories/${territory.id}`)).json().canEdit, false);
      assert.equal((await cptsAdmin.post('/api/territories', { name: 'Pour le DAC', kind: 'dac', structureId: dac, communes: [] })).statusCode, 403);
      assert.equal((await dacAdmin.patch(`/api/territories/${territory.id}`, { version: 1, structureId: cpts })).statusCode, 403, 'nor hand it to another structure');
      assert.equal((await coordinator.patch(`/api/territories/${territory.id}`, { version: 1, name: 'X' })).statusCode, 403);

      const moved = await platformAdmin.patch(`/api/territories/${territory.id}`, { version: 1, structureId: cpts });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().structureName, 'CPTS Loire-Est');
      assert.equal((await cptsAdmin.get(`/api/territories/${territory.id}`)).json().canEdit, true);
      assert.equal((await dacAdmin.patch(`/api/territories/${territory.id}`, { version: 2, name: 'Repris' })).statusCode, 403);
      assert.equal((await platformAdmin.get(`/api/territories/0190d5e4-0000-7000-8000-000000000000`)).statusCode, 404);
    });

    test('searches communes of the région and lists the groups to add in bulk', async (t) => {
      const app = await buildTestApp(t, kind);
      const { viewer } = await region(app);
      const found = (await viewer.get('/api/communes?q=les%20ponts%20de%20ce')).json();
      assert.deepEqual(found.items[0], {
        insee: '49246',
        name: 'Les Ponts-de-Cé',
        postalCodes: ['49130'],
        departement: '49',
        departementName: 'Maine-et-Loire',
        population: official.get('49246')!.population,
      });
      assert.equal((await viewer.get('/api/communes?q=paris')).json().items.some((c: { insee: string }) => c.insee === '75056'), false);
      assert.equal((await viewer.get('/api/communes?q=paris&scope=france')).json().items[0].insee, '75056');

      const groups = (await viewer.get('/api/communes/groups')).json();
      assert.deepEqual(groups.region, { code: '52', name: 'Pays de la Loire' });
      assert.deepEqual(groups.departements.map((d: { code: string }) => d.code), ['44', '49', '53', '72', '85']);
      const angers = groups.arrondissements.find((a: { code: string }) => a.code === '491');
      const members = (await viewer.get('/api/communes/groups/arrondissement/491')).json().items;
      assert.equal(members.length, angers.communeCount);
      assert.equal(members.reduce((sum: number, c: { population: number }) => sum + c.population, 0), angers.population);
      assert.equal((await viewer.get('/api/communes/groups/epci/244900015')).json().items.length, groups.epcis.find((e: { code: string }) => e.code === '244900015').communeCount);
      assert.equal((await viewer.get('/api/communes/groups/departement/00')).statusCode, 404);
    });
  });
}
