// Opens the database: PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set. Same schema, same queries.
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import * as schema from '#src/db/schema/index.ts';
import { lockDataDir } from './datadir-lock.ts';

export type Schema = typeof schema;
/** A Drizzle handle: the database itself or a transaction in progress. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';
export type Notification = (payload: string) => void;

export type Database = {
  kind: DatabaseKind;
  db: Db;
  migrate(): Promise<void>;
  /** Subscribes to a LISTEN/NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: Notification): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));
export const pgliteExtensions = { pg_trgm, unaccent, fuzzystrmatch };

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    migrate: () => migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder }),
    async listen(channel, onPayload) {
      const client = await pool.connect();
      client.on('notification', (message) => message.channel === channel && onPayload(message.payload ?? ''));
      await client.query(`LISTEN "${channel}"`);
      return async () => {
        await client.query(`UNLISTEN "${channel}"`).catch(() => undefined);
        client.release();
      };
    },
    close: () => pool.end(),
  };
}

/** Wraps an open PGlite instance (file-backed, in memory or cloned from a template). */
export function wrapPglite(client: PGlite, onClose: () => void = () => undefined): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder }),
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    async close() {
      await client.close();
      onClose();
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  const unlock = lockDataDir(dataDir);
  try {
    const client = await PGlite.create(`${dataDir}/pgdata`, { extensions: pgliteExtensions });
    return wrapPglite(client, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

export function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
