// The command line on a real embedded database in a temporary directory.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '#src/core/db/connect.ts';
import { main } from './commands.ts';

test('loads the demo, prints a token, verifies the audit chain and detects tampering', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-cli-'));
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, NODE_ENV: process.env.NODE_ENV };
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  t.after(() => {
    Object.assign(process.env, saved);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const printed: string[] = [];
  t.mock.method(console, 'log', (line: unknown) => printed.push(String(line)));
  const errors: string[] = [];
  t.mock.method(console, 'error', (line: unknown) => errors.push(String(line)));

  assert.equal(await main(['demo']), 0);
  assert.match(printed.at(-1)!, /"patients":300/);

  assert.equal(await main(['token', 'create', '--email', 'coordination@demo.trame.fr']), 0);
  assert.match(printed.at(-1)!, /^trm_[A-Za-z0-9_-]{40,}$/);
  assert.equal(await main(['token', 'create', '--email', 'nobody@demo.trame.fr']), 1);

  assert.equal(await main(['audit', 'verify']), 0);
  assert.equal(JSON.parse(printed.at(-1)!).ok, true);

  const db = await PGlite.create(`${dataDir}/pgdata`, { extensions: pgliteExtensions });
  await db.query(`update audit_log set action = 'nothing.happened' where seal_seq = 1`);
  await db.close();
  assert.equal(await main(['audit', 'verify']), 1);
  assert.match(errors.at(-1)!, /Audit chain BROKEN/);

  // A live process holding the lock is what a running server looks like.
  fs.writeFileSync(path.join(dataDir, 'trame.lock'), String(process.ppid));
  assert.equal(await main(['migrate']), 1);
  assert.match(errors.at(-1)!, /in use by process .*Stop it first/);
  fs.rmSync(path.join(dataDir, 'trame.lock'));

  process.env.NODE_ENV = 'production';
  assert.equal(await main(['demo']), 1);
  assert.match(errors.at(-1)!, /never loaded when NODE_ENV=production/);
});
