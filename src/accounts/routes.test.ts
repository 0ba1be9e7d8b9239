import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as OTPAuth from 'otpauth';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

type Session = { cookie: string; csrf: string };

async function login(app: TestApp, email: string, password = TEST_PASSWORD, totpCode?: string) {
  return app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, ...(totpCode ? { totpCode } : {}) } });
}

function sessionOf(response: Awaited<ReturnType<typeof login>>): Session {
  const cookie = response.cookies.find((c) => c.name === 'trame_session');
  assert.ok(cookie, 'a session cookie is set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  return { cookie: `trame_session=${cookie.value}`, csrf: response.json().csrfToken };
}

for (const kind of testDatabaseKinds()) {
  describe(`accounts on ${kind}`, () => {
    test('logs in with e-mail and password, then logs out', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const person = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const response = await login(app, person.email.toUpperCase());
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().me.acting.role, 'coordinator');
      const session = sessionOf(response);
      const me = await app.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
      assert.equal(me.json().me.id, person.personId);
      const out = await app.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
      assert.equal(out.statusCode, 204);
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })).statusCode, 401);
    });

    test('refuses a cookie-authenticated write without the CSRF token', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const person = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const session = sessionOf(await login(app, person.email));
      const payload = { birthName: 'Petit', givenName: 'Louis', birthDate: '1950-01-01', sex: 'M' };
      const forged = await app.app.inject({ method: 'POST', url: '/api/patients', headers: { cookie: session.cookie }, payload });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.code, 'auth.csrf');
      const genuine = await app.app.inject({ method: 'POST', url: '/api/patients', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload });
      assert.equal(genuine.statusCode, 201, genuine.body);
    });

    test('locks the account after five failures, even with the right password', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const person = await app.makePerson([{ structureId: dac, role: 'professional' }]);
      for (let i = 0; i < 5; i++) assert.equal((await login(app, person.email, 'wrong password!')).statusCode, 401);
      const locked = await login(app, person.email);
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().error.code, 'auth.locked');
      assert.ok(locked.json().error.details.retryAfterSeconds > 0);
    });

    test('answers the same way for an unknown e-mail and a wrong password', async (t) => {
      const app = await buildTestApp(t, kind);
      const unknown = await login(app, 'nobody@test.trame.fr');
      assert.equal(unknown.statusCode, 401);
      assert.equal(unknown.json().error.code, 'auth.invalid_credentials');
      const bad = await app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x' } });
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.json().error.details.fields.email);
    });

    test('asks a platform admin for the one-time code and checks it', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      const admin = await app.makePerson([{ structureId: dac, role: 'platform_admin' }], { totpSecret: secret });
      const withoutCode = await login(app, admin.email);
      assert.equal(withoutCode.statusCode, 401);
      assert.equal(withoutCode.json().error.code, 'auth.totp_required');
      assert.equal((await login(app, admin.email, TEST_PASSWORD, '000000')).json().error.code, 'auth.totp_invalid');
      const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
      assert.equal((await login(app, admin.email, TEST_PASSWORD, code)).statusCode, 200);
    });

    test('makes an admin without a second factor set one up before anything else', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const admin = await app.makePerson([{ structureId: dac, role: 'platform_admin' }]);
      const session = sessionOf(await login(app, admin.email));
      const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/admin/people', headers })).json().error.code, 'auth.totp_setup_required');
      const setup = (await app.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers })).json();
      assert.match(setup.uri, /^otpauth:\/\/totp\/Trame:/);
      const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) }).generate();
      assert.equal((await app.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers, payload: { code } })).statusCode, 204);
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/admin/people', headers })).statusCode, 200);
    });

    test('creates, lists and revokes API tokens; a revoked token no longer works', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const person = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const created = await person.post('/api/tokens', { name: 'logiciel métier' });
      assert.equal(created.statusCode, 201);
      const { token, item } = created.json();
      assert.match(token, /^trm_/);
      const headers = { authorization: `Bearer ${token}` };
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode, 200);
      const listed = (await person.get('/api/tokens')).json().items;
      assert.ok(listed.some((t: { id: string; prefix: string }) => t.id === item.id && token.startsWith(t.prefix)));
      assert.equal((await person.delete(`/api/tokens/${item.id}`)).statusCode, 204);
      const refused = await app.app.inject({ method: 'GET', url: '/api/auth/me', headers });
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.json().error.code, 'auth.token_invalid');
    });

    test('switches the acting membership only among its own', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const cpts = await app.makeStructure({ kind: 'cpts' });
      const person = await app.makePerson([{ structureId: dac, role: 'coordinator' }, { structureId: cpts, role: 'professional' }]);
      const response = await login(app, person.email);
      const session = sessionOf(response);
      const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
      const cptsMembership = response.json().me.memberships.find((m: { structureId: string }) => m.structureId === cpts);
      const switched = await app.app.inject({ method: 'POST', url: '/api/auth/acting', headers, payload: { membershipId: cptsMembership.id } });
      assert.equal(switched.json().me.acting.role, 'professional');
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/patients?q=dupont', headers })).statusCode, 403);
      const foreign = await app.app.inject({ method: 'POST', url: '/api/auth/acting', headers, payload: { membershipId: '0190d5e4-0000-7000-8000-000000000000' } });
      assert.equal(foreign.statusCode, 400);
    });
  });
}
