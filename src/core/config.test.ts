import assert from 'node:assert/strict';
import { test } from 'node:test';
import { productionHostingProblem, readConfig } from './config.ts';

const now = new Date('2026-11-23T10:00:00Z');

test('refuses production without an HDS-certified host or with an expired certificate (R-LEG-6)', () => {
  assert.equal(productionHostingProblem(readConfig({}), now), null, 'outside production nothing is required');
  assert.match(productionHostingProblem(readConfig({ NODE_ENV: 'production' }), now)!, /HDS_HOST/);
  assert.match(productionHostingProblem(readConfig({ NODE_ENV: 'production', HDS_HOST: 'hds.example.fr' }), now)!, /HDS_CERTIFICATE_VALID_UNTIL/);
  const expired = readConfig({ NODE_ENV: 'production', HDS_HOST: 'hds.example.fr', HDS_CERTIFICATE_VALID_UNTIL: '2026-11-22' });
  assert.match(productionHostingProblem(expired, now)!, /expired on 2026-11-22/);
  const valid = readConfig({ NODE_ENV: 'production', HDS_HOST: 'hds.example.fr', HDS_CERTIFICATE_VALID_UNTIL: '2026-11-23' });
  assert.equal(productionHostingProblem(valid, now), null);
});

test('reads a laptop configuration by default', () => {
  const config = readConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.loadDemo, true);
  assert.equal(config.secureCookies, false);
  assert.equal(readConfig({ NODE_ENV: 'production' }).secureCookies, true);
  assert.equal(readConfig({ NODE_ENV: 'production' }).loadDemo, false);
});

test('reads the région served from TRAME_REGION, Pays de la Loire by default, and refuses an unknown code', () => {
  assert.equal(readConfig({}).regionCode, '52');
  assert.equal(readConfig({ TRAME_REGION: '53' }).regionCode, '53');
  assert.throws(() => readConfig({ TRAME_REGION: '99' }), /TRAME_REGION=99 is not an INSEE région code/);
});

test('reads the public address of the web app and the SMTP server, mail being optional', () => {
  assert.equal(readConfig({}).publicUrl, 'http://localhost:3000');
  assert.equal(readConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080', 'the default follows the port');
  assert.equal(readConfig({ TRAME_PUBLIC_URL: 'https://trame.example.fr/' }).publicUrl, 'https://trame.example.fr', 'no trailing slash: links append their path');
  assert.equal(readConfig({}).smtpUrl, undefined);
  assert.equal(readConfig({}).documentMaxBytes, 20 * 1024 * 1024);
  assert.equal(readConfig({ TRAME_DOCUMENT_MAX_BYTES: '1000' }).documentMaxBytes, 1000);
  assert.equal(readConfig({ TRAME_DOCUMENT_MAX_BYTES: 'lots' }).documentMaxBytes, 20 * 1024 * 1024, 'a value that is not a size keeps the default');
  assert.equal(readConfig({ TRAME_SMTP_URL: '' }).smtpUrl, undefined);
  assert.equal(readConfig({ TRAME_SMTP_URL: 'smtp://mail.example.fr:25' }).smtpUrl, 'smtp://mail.example.fr:25');
});
