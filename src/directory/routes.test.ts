// The directory over HTTP: an administrator uploads an extraction, follows its progress and reads its
// report; everyone searches the result.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildTestApp, type Caller, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

const fixture = (name: string) => fs.readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

function upload(app: TestApp, caller: Caller, query: string, body: Buffer, contentType = 'application/octet-stream') {
  return app.app.inject({ method: 'POST', url: `/api/directory/imports?${query}`, headers: { authorization: `Bearer ${caller.token}`, 'content-type': contentType }, payload: body });
}

async function finished(caller: Caller, id: string) {
  for (let i = 0; i < 200; i++) {
    const run = (await caller.get(`/api/directory/imports/${id}`)).json();
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

for (const kind of testDatabaseKinds()) {
  describe(`directory over HTTP on ${kind}`, () => {
    test('an administrator uploads an extraction, follows it and reads its report; everyone searches it', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure({ name: 'DAC' });
      const admin = await app.makePerson([{ structureId: dac, role: 'platform_admin' }]);
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);

      assert.equal((await upload(app, coordinator, 'kind=rpps&fileName=ps.txt', fixture('ps-libreacces-sample.txt'))).statusCode, 403);
      const asJson = await upload(app, admin, 'kind=rpps&fileName=ps.txt', Buffer.from('{}'), 'application/json');
      assert.equal(asJson.statusCode, 400);
      assert.equal((await upload(app, admin, 'kind=annuaire&fileName=ps.txt', fixture('ps-libreacces-sample.txt'))).statusCode, 400);
      assert.equal((await upload(app, admin, 'kind=rpps&fileName=vide.txt', Buffer.alloc(0))).statusCode, 400);

      const accepted = await upload(app, admin, 'kind=rpps&fileName=PS_LibreAcces_Personne_activite.txt', fixture('ps-libreacces-sample.txt'));
      assert.equal(accepted.statusCode, 202, accepted.body);
      assert.equal(accepted.json().status, 'running');
      const run = await finished(admin, accepted.json().id);
      assert.equal(run.status, 'done', run.error);
      assert.ok(run.counts.professional.added > 10, JSON.stringify(run.counts));
      assert.ok(run.badLines > 0, 'the sample holds bad lines');
      assert.equal(run.problems.length, run.badLines);
      assert.ok(run.problems.every((p: { lineNo: number; message: string }) => p.lineNo > 1 && p.message.length > 0));
      assert.ok(run.changes.some((c: { change: string }) => c.change === 'added'));

      const history = (await admin.get('/api/directory/imports')).json().items;
      assert.equal(history[0].id, run.id);

      const [someone] = (await coordinator.get('/api/directory/professionals?q=gasnier')).json().items;
      assert.equal(someone.familyName, 'GASNIER');
      assert.ok(someone.activities.length >= 1);
      const page = await coordinator.get(`/api/directory/professionals/${someone.id}`);
      assert.equal(page.json().idNatPs, someone.idNatPs);
      const byRpps = (await coordinator.get(`/api/directory/professionals?q=${someone.rpps}`)).json().items;
      assert.deepEqual(byRpps.map((p: { id: string }) => p.id), [someone.id]);
      assert.equal((await coordinator.get('/api/directory/professionals?commune=4900')).statusCode, 400);
    });

    test('establishments are searched by words of their name, and an administrator links one to a structure', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure({ name: 'DAC' });
      const ehpad = await app.makeStructure({ name: 'EHPAD', kind: 'esms' });
      const admin = await app.makePerson([{ structureId: dac, role: 'platform_admin' }]);
      const viewer = await app.makePerson([{ structureId: dac, role: 'regional_viewer' }]);
      const run = await finished(admin, (await upload(app, admin, 'kind=finess&fileName=finess.csv', fixture('finess-sample.csv'))).json().id);
      assert.equal(run.status, 'done', run.error);

      const all = (await viewer.get('/api/directory/organizations?limit=100')).json().items;
      const target = all.find((o: { name: string }) => /EHPAD/i.test(o.name));
      assert.ok(target, 'the sample holds an EHPAD');
      const word = target.name.split(' ').at(-1).toLowerCase();
      const found = (await viewer.get(`/api/directory/organizations?q=${encodeURIComponent(word)}`)).json().items;
      assert.ok(found.some((o: { id: string }) => o.id === target.id), `searching "${word}"`);

      assert.equal((await viewer.patch(`/api/directory/organizations/${target.id}`, { structureId: ehpad })).statusCode, 403);
      const linked = await admin.patch(`/api/directory/organizations/${target.id}`, { structureId: ehpad });
      assert.equal(linked.json().structureId, ehpad);
      const status = (await viewer.get('/api/directory/status')).json();
      assert.equal(status.organizations, all.length);
      assert.ok(status.finessRefreshedAt);
      assert.equal(status.mssanteRefreshedAt, null);
    });
  });
}
