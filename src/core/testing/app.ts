// Builds the real application on a real test database, with factories for the people a test needs.
import type { TestContext } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { readConfig, type Config } from '../config.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { systemActor } from '../auth/actor.ts';
import type { Role } from '../auth/rights.ts';
import type { DatabaseKind } from '../db/connect.ts';
import { startOnDatabase, type RunningPlatform } from '#src/platform.ts';
import { createApiTokenFor, createPerson, createStructure } from '#src/accounts/service.ts';
import { openTestDatabase } from './databases.ts';
import { createSoapInsiClient } from '#src/insi/soap-client.ts';
import { startInsiTestPeer } from '#src/insi/test-peer.ts';
import type { InsiIdentity } from '#src/insi/types.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

type Injected = LightMyRequestResponse;
export type Caller = {
  personId: string;
  email: string;
  token: string;
  get(url: string): Promise<Injected>;
  post(url: string, body?: unknown): Promise<Injected>;
  patch(url: string, body: unknown): Promise<Injected>;
  delete(url: string): Promise<Injected>;
};

export type TestApp = RunningPlatform & {
  kind: DatabaseKind;
  asSystem<T>(work: (ctx: Ctx) => Promise<T>): Promise<T>;
  makeStructure(overrides?: { name?: string; kind?: string }): Promise<string>;
  makePerson(memberships: { structureId: string; role: Role; identityReferent?: boolean }[], overrides?: { email?: string; givenName?: string; familyName?: string; totpSecret?: string }): Promise<Caller>;
};

let counter = 0;

/** `insiRegister`: start the local INSi test peer with these identities and wire the real SOAP client to it. */
/** `config`: settings a test needs (an SMTP test peer's address, say). */
export async function buildTestApp(t: TestContext, kind: DatabaseKind, options: { insiRegister?: InsiIdentity[]; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const config = { ...readConfig({ NODE_ENV: 'test' }), loadDemo: false, ...options.config };
  const peer = options.insiRegister ? await startInsiTestPeer({ register: options.insiRegister, host: '127.0.0.1' }) : null;
  const insi = peer ? createSoapInsiClient({ url: peer.url, timeoutMs: 3000 }) : null;
  const running = await startOnDatabase(config, database, { listen: false, insi });
  t.after(async () => {
    await running.stop();
    await peer?.close();
    await database.close();
  });
  const asSystem = <T>(work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(database, { actor: systemActor('test'), now: new Date(), requestId: 'test', clientIp: null }, work);

  const callerFor = (personId: string, email: string, token: string): Caller => {
    const headers = { authorization: `Bearer ${token}` };
    const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
      running.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    return {
      personId,
      email,
      token,
      get: (url) => inject('GET', url),
      post: (url, body) => inject('POST', url, body ?? {}),
      patch: (url, body) => inject('PATCH', url, body),
      delete: (url) => inject('DELETE', url),
    };
  };

  return {
    ...running,
    kind,
    asSystem,
    makeStructure: async (overrides = {}) =>
      (await asSystem((ctx) => createStructure(ctx, { name: overrides.name ?? `Structure ${++counter}`, kind: overrides.kind ?? 'dac' }))).id,
    async makePerson(memberships, overrides = {}) {
      const n = ++counter;
      const email = overrides.email ?? `person${n}.${Date.now()}@test.trame.fr`;
      const { id } = await asSystem((ctx) =>
        createPerson(ctx, {
          email,
          givenName: overrides.givenName ?? `Prénom${n}`,
          familyName: overrides.familyName ?? `Nom${n}`,
          sector: 'health',
          password: TEST_PASSWORD,
          memberships,
          ...(overrides.totpSecret ? { totpSecret: overrides.totpSecret } : {}),
        }),
      );
      const token = await asSystem((ctx) => createApiTokenFor(ctx, email, 'test'));
      return callerFor(id, email, token);
    },
  };
}

export const validPatient = {
  birthName: 'Lemaire',
  usedName: 'Durand',
  givenName: 'Jeanne',
  birthGivenNames: 'Jeanne Marie',
  birthDate: '1940-03-12',
  sex: 'F',
  communeName: 'Angers',
  communeInsee: '49007',
  postalCode: '49000',
};
