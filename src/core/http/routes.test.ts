// Pins every API route with its declared access: changing who may call a route shows up in review.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '#src/core/testing/app.ts';

const EXPECTED = `
DELETE /api/tokens/:id person
GET /api/admin/people account.manage
GET /api/auth/me second-factor-setup
GET /api/files file.list-mine
GET /api/files/:id file.read
GET /api/files/:id/access-log file.read-access-log
GET /api/files/:id/journal file.read
GET /api/files/:id/live file.read
GET /api/files/:id/timeline file.read
GET /api/health public
GET /api/openapi.json public
GET /api/patients patient.search
GET /api/patients/:id patient.read
GET /api/patients/:id/files person
GET /api/people directory.search
GET /api/structures person
GET /api/tokens person
PATCH /api/files/:id file.update
PATCH /api/patients/:id patient.update
POST /api/admin/people account.manage
POST /api/admin/structures account.manage
POST /api/auth/acting person
POST /api/auth/login public
POST /api/auth/logout second-factor-setup
POST /api/auth/totp/enable second-factor-setup
POST /api/auth/totp/setup second-factor-setup
POST /api/files file.open
POST /api/files/:id/journal journal.write
POST /api/files/:id/team file.manage-team
POST /api/files/:id/team/:memberId/end file.manage-team
POST /api/patients patient.create
POST /api/tokens person
`.trim();

test('every API route declares the access pinned here', async (t) => {
  const app = await buildTestApp(t, 'pglite');
  const actual = app.app.routeAccessTable
    .map((r) => `${r.method} ${r.url} ${r.access}`)
    .sort()
    .join('\n');
  assert.equal(actual, EXPECTED);
});
