// Test databases: PGlite cloned from a migrated template (initdb costs seconds and a gigabyte each
// time), and a throw-away database on the PostgreSQL server, dropped after the run.
import { PGlite } from '@electric-sql/pglite';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { openPostgres, pgliteExtensions, wrapPglite, type Database, type DatabaseKind } from '../db/connect.ts';

const migrationsDir = fileURLToPath(new URL('../../db/migrations', import.meta.url));
export const POSTGRES_ADMIN_URL = process.env.TRAME_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** PostgreSQL runs in the tests unless explicitly turned off (TRAME_TEST_POSTGRES=off). */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TRAME_TEST_POSTGRES === 'off' ? ['pglite'] : ['pglite', 'postgres'];
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsDir, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsDir, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `trame-pglite-template-${migrationsHash()}.tar.gz`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const client = await PGlite.create({ extensions: pgliteExtensions });
  const database = wrapPglite(client);
  await database.migrate();
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  // Written under a temporary name then renamed: parallel test files never read half a template.
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, bytes);
  fs.renameSync(partial, file);
  return new Blob([bytes]);
}

export async function openTestPglite(): Promise<Database> {
  const client = await PGlite.create({ loadDataDir: await pgliteTemplate(), extensions: pgliteExtensions });
  return wrapPglite(client);
}

/**
 * Drops a test database once its sessions have closed. `pool.end()` resolves before the server has
 * ended the sessions; forcing the drop at once would kill them mid-close and their error would land
 * in whichever test runs next. Force is the last resort, after two seconds.
 */
async function dropTestDatabase(name: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await dropper.connect();
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      const dropped = await dropper.query(`drop database if exists ${name}`).then(() => true, () => false);
      if (dropped) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await dropper.query(`drop database if exists ${name} with (force)`);
  } finally {
    await dropper.end();
  }
}

export async function openTestPostgres(): Promise<Database> {
  const name = `trame_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await dropTestDatabase(name);
    },
  };
}

export function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  return kind === 'pglite' ? openTestPglite() : openTestPostgres();
}
