import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, validPatient } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import { sealAll, verifyAuditChain } from './audit.ts';

for (const kind of testDatabaseKinds()) {
  describe(`audit chain on ${kind}`, () => {
    test('seals every row and detects an edited, a removed and an inserted row', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const patient = (await coordinator.post('/api/patients', validPatient)).json();
      const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
      for (let i = 0; i < 3; i++) await coordinator.get(`/api/files/${file.id}`);
      const db = app.database.db;
      await sealAll(db);
      const clean = await verifyAuditChain(db);
      assert.equal(clean.ok, true);
      assert.ok(clean.sealed >= 5);
      assert.equal(clean.unsealed, 0);

      const rows = (query: ReturnType<typeof sql>) => db.execute(query) as unknown as Promise<{ rows: Record<string, unknown>[] }>;
      const original = (await rows(sql`select action from audit_log where seal_seq = 3`)).rows[0]!.action as string;
      await db.execute(sql`update audit_log set action = 'file.rewritten' where seal_seq = 3`);
      const edited = await verifyAuditChain(db);
      assert.equal(edited.ok, false);
      assert.equal(edited.firstBrokenSeq, 3);
      await db.execute(sql`update audit_log set action = ${original} where seal_seq = 3`);
      assert.equal((await verifyAuditChain(db)).ok, true, 'restoring the row restores the chain');

      const last = Number((await rows(sql`select max(seal_seq) as n from audit_log`)).rows[0]!.n);
      await db.execute(sql`insert into audit_log (at, action, outcome, seal_seq, hash) values (now(), 'file.read', 'allowed', ${last + 1}, ${'f'.repeat(64)})`);
      const inserted = await verifyAuditChain(db);
      assert.equal(inserted.ok, false);
      assert.equal(inserted.firstBrokenSeq, last + 1);

      await db.execute(sql`delete from audit_log where seal_seq = 2`);
      const removed = await verifyAuditChain(db);
      assert.equal(removed.ok, false);
      assert.match(removed.reason ?? '', /sequence gap/);
    });

    test('keeps appending while rows are being sealed', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      await Promise.all(Array.from({ length: 20 }, () => coordinator.get('/api/patients?q=lem')));
      await sealAll(app.database.db);
      await Promise.all(Array.from({ length: 20 }, () => coordinator.get('/api/patients?q=dur')));
      await sealAll(app.database.db);
      const report = await verifyAuditChain(app.database.db);
      assert.equal(report.ok, true);
      assert.equal(report.sealed, 40);
    });
  });
}
