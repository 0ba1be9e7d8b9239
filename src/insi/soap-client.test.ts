// The client against the INSi test peer, in process, over real HTTP on an ephemeral port: every
// exchange below is a SOAP 1.2 envelope written by the client, read by the peer, answered and read back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSoapInsiClient } from './soap-client.ts';
import { startInsiTestPeer, type InsiRegisterEntry, type InsiTestPeer } from './test-peer.ts';
import { contentTypeFor, ACTIONS, NS } from './envelopes.ts';
import { parseXml, child, childText } from './xml.ts';
import { InsiUnavailable, type InsiCaller, type InsiClient, type InsiSearchTraits } from './types.ts';

const TEST_OID = '1.2.250.1.213.1.4.10';

const REGISTER: InsiRegisterEntry[] = [
  { matricule: '239074906373867', oid: TEST_OID, birthName: 'LEMAIRE', firstGivenName: 'JEANNE', givenNames: 'JEANNE MARIE THERESE', birthDate: '1939-07-15', sex: 'F', birthplaceInsee: '49063' },
  { matricule: '171049935218592', oid: TEST_OID, birthName: 'BOUZID', firstGivenName: 'KARIM', givenNames: 'KARIM MOHAMED', birthDate: '1971-04-25', sex: 'M', birthplaceInsee: '99352' },
  // two homonyms born the same day: only the second given name or the birthplace tells them apart
  { matricule: '150014900700156', oid: TEST_OID, birthName: 'MARTIN', firstGivenName: 'JEAN', givenNames: 'JEAN PAUL', birthDate: '1950-01-01', sex: 'M', birthplaceInsee: '49007' },
  { matricule: '150014932800228', oid: TEST_OID, birthName: 'MARTIN', firstGivenName: 'JEAN', givenNames: 'JEAN LOUIS', birthDate: '1950-01-01', sex: 'M', birthplaceInsee: '49328' },
  // a compound first given name that local records often write with a space
  { matricule: '162122A00400357', oid: TEST_OID, birthName: 'DE--SANTIS', firstGivenName: 'JEAN-PIERRE', givenNames: 'JEAN-PIERRE ANGE', birthDate: '1962-12-03', sex: 'M', birthplaceInsee: '2A004' },
  // a name no real register holds, to prove the XML escaping both ways
  { matricule: '280017510800142', oid: TEST_OID, birthName: `O'BRIEN <&> "X"`, firstGivenName: `SIÂN`, givenNames: `SIÂN`, birthDate: '1980-01-01', sex: 'F', birthplaceInsee: '75108' },
];

const CALLER: InsiCaller = { personId: 'person-42', displayName: 'Claire Morel', rpps: '99700001234', structureName: `DAC Anjou "Centre" & Co`, structureFiness: '490000001' };

const JEANNE: InsiSearchTraits = { birthName: 'Lemaire', givenNames: 'Jeanne Marie Thérèse', birthDate: '1939-07-15', sex: 'F', birthplaceInsee: '49063' };

let peer: InsiTestPeer;
let client: InsiClient;

before(async () => {
  peer = await startInsiTestPeer({ register: REGISTER });
  client = createSoapInsiClient({ url: peer.url, timeoutMs: 2000 });
});

after(async () => {
  await peer.close();
});

test('one identity matches: found, with the INS and the traits as INSi holds them', async () => {
  const result = await client.searchByTraits(JEANNE, CALLER);
  assert.deepEqual(result, { outcome: 'found', identity: REGISTER[0] });
  assert.equal(client.channel, 'INSI_TRAITS');
});

test('the request sent carries upper-case unaccented traits and the caller', async () => {
  const before = peer.calls.length;
  await client.searchByTraits({ ...JEANNE, birthName: 'lemaire' }, CALLER);
  const call = peer.calls[before]!;
  assert.equal(call.operation, 'search');
  assert.equal(call.action, ACTIONS.search);
  assert.deepEqual(call.traits, { NomNaissance: 'LEMAIRE', Prenom: 'JEANNE', ListePrenom: null, Sexe: 'F', DateNaissance: '1939-07-15', LieuNaissance: '49063' });
  assert.deepEqual(call.caller, {
    emitter: '899700001234',
    idam: 'TRAME-NON-HOMOLOGUE',
    nameId: '899700001234',
    subjectId: 'Claire Morel',
    organization: `DAC Anjou "Centre" & Co`,
    organizationId: '1490000001',
  });
  assert.match(call.messageId ?? '', /^uuid:[0-9a-f-]{36}$/);
});

test('nobody matches: not_found', async () => {
  assert.deepEqual(await client.searchByTraits({ ...JEANNE, birthDate: '1939-07-16' }, CALLER), { outcome: 'not_found' });
});

test('two homonyms and no birthplace: several; the whole list of given names then finds the right one', async () => {
  const base = { birthName: 'Martin', birthDate: '1950-01-01', sex: 'M' as const, birthplaceInsee: null };
  assert.deepEqual(await client.searchByTraits({ ...base, givenNames: 'Jean' }, CALLER), { outcome: 'several' });
  const before = peer.calls.length;
  const found = await client.searchByTraits({ ...base, givenNames: 'Jean Louis' }, CALLER);
  assert.deepEqual(found, { outcome: 'found', identity: REGISTER[3] });
  assert.deepEqual(
    peer.calls.slice(before).map((c) => [c.traits?.Prenom, c.answer]),
    [
      ['JEAN', { kind: 'result', code: '02' }],
      ['JEAN LOUIS', { kind: 'result', code: '00' }],
    ],
  );
});

test('the birthplace, when given, tells homonyms apart', async () => {
  const found = await client.searchByTraits({ birthName: 'MARTIN', givenNames: 'Jean', birthDate: '1950-01-01', sex: 'M', birthplaceInsee: '49007' }, CALLER);
  assert.deepEqual(found, { outcome: 'found', identity: REGISTER[2] });
});

test('still ambiguous after the whole list: several', async () => {
  // "JEAN MARC" matches nobody's list, but "JEAN" alone matched two people
  assert.deepEqual(await client.searchByTraits({ birthName: 'MARTIN', givenNames: 'Jean Marc', birthDate: '1950-01-01', sex: 'M', birthplaceInsee: null }, CALLER), { outcome: 'several' });
});

test('accents, case, hyphens and a compound given name written with a space are matched like the service', async () => {
  const found = await client.searchByTraits({ birthName: 'de Santis', givenNames: 'Jean Pierre Ange', birthDate: '1962-12-03', sex: 'M', birthplaceInsee: '2a004' }, CALLER);
  assert.deepEqual(found, { outcome: 'found', identity: REGISTER[4] });
});

test('a name with < & \' " travels escaped and comes back intact', async () => {
  const found = await client.searchByTraits({ birthName: `o'brien <&> "x"`, givenNames: 'Siân', birthDate: '1980-01-01', sex: 'F', birthplaceInsee: null }, CALLER);
  assert.deepEqual(found, { outcome: 'found', identity: REGISTER[5] });
  const call = peer.calls.at(-1)!;
  assert.equal(call.traits?.NomNaissance, `O'BRIEN <&> "X"`);
  assert.equal(call.traits?.Prenom, 'SIAN');
  assert.match(call.requestXml, /O&apos;BRIEN &lt;&amp;&gt; &quot;X&quot;/);
  assert.match(call.requestXml, /DAC Anjou &quot;Centre&quot; &amp; Co/);
});

test('verify: the INS and matching traits are valid', async () => {
  assert.deepEqual(await client.verifyIns({ matricule: REGISTER[0]!.matricule, oid: TEST_OID }, JEANNE, CALLER), { outcome: 'valid' });
  const call = peer.calls.at(-1)!;
  assert.equal(call.operation, 'verify');
  assert.deepEqual(call.ins, { matricule: REGISTER[0]!.matricule, oid: TEST_OID });
  assert.equal(call.traits?.ListePrenom, 'JEANNE MARIE THERESE');
});

test('verify: a known INS with other traits is invalid', async () => {
  assert.deepEqual(await client.verifyIns({ matricule: REGISTER[0]!.matricule, oid: TEST_OID }, { ...JEANNE, birthName: 'LEBRETON' }, CALLER), { outcome: 'invalid' });
  assert.deepEqual(await client.verifyIns({ matricule: REGISTER[0]!.matricule, oid: TEST_OID }, { ...JEANNE, birthplaceInsee: '49007' }, CALLER), { outcome: 'invalid' });
});

test('verify: an unknown INS, or a known matricule under another OID, is not found', async () => {
  assert.deepEqual(await client.verifyIns({ matricule: '185077505612323', oid: TEST_OID }, JEANNE, CALLER), { outcome: 'not_found' });
  assert.deepEqual(await client.verifyIns({ matricule: REGISTER[0]!.matricule, oid: '1.2.250.1.213.1.4.8' }, JEANNE, CALLER), { outcome: 'not_found' });
});

test('verify: a Corsican matricule goes out split at the key', async () => {
  const traits = { birthName: 'DE SANTIS', givenNames: 'JEAN-PIERRE ANGE', birthDate: '1962-12-03', sex: 'M' as const, birthplaceInsee: '2A004' };
  assert.deepEqual(await client.verifyIns({ matricule: '162122A00400357', oid: TEST_OID }, traits, CALLER), { outcome: 'valid' });
});

test('bad input is refused before any call (400), not turned into a 503', async () => {
  const before = peer.calls.length;
  await assert.rejects(client.searchByTraits({ ...JEANNE, birthDate: '1939-13-01' }, CALLER), { status: 400, code: 'insi.bad_traits' });
  await assert.rejects(client.verifyIns({ matricule: '185077505612324', oid: TEST_OID }, JEANNE, CALLER), { status: 400, code: 'insi.bad_matricule' });
  await assert.rejects(client.verifyIns({ matricule: REGISTER[0]!.matricule, oid: 'INS-NIR' }, JEANNE, CALLER), { status: 400, code: 'insi.bad_oid' });
  assert.equal(peer.calls.length, before);
});

test('a SOAP fault is InsiUnavailable', async () => {
  peer.failNext('fault');
  await assert.rejects(client.searchByTraits(JEANNE, CALLER), (err: Error) => err instanceof InsiUnavailable && /fault/.test(err.message));
  assert.equal(peer.calls.at(-1)!.answer.kind, 'fault');
  // and the next call works again
  assert.equal((await client.searchByTraits(JEANNE, CALLER)).outcome, 'found');
});

test('an HTTP 503 without SOAP is InsiUnavailable', async () => {
  peer.failNext('http-error');
  await assert.rejects(client.verifyIns({ matricule: REGISTER[0]!.matricule, oid: TEST_OID }, JEANNE, CALLER), InsiUnavailable);
});

test('no answer within the deadline is InsiUnavailable', async () => {
  const quick = createSoapInsiClient({ url: peer.url, timeoutMs: 300 });
  peer.failNext('hang');
  const started = Date.now();
  await assert.rejects(quick.searchByTraits(JEANNE, CALLER), (err: Error) => err instanceof InsiUnavailable && /300 ms/.test(err.message));
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 250 && elapsed < 2000, `${elapsed} ms`);
});

test('a closed port is InsiUnavailable', async () => {
  const gone = await startInsiTestPeer({ register: [] });
  await gone.close();
  await assert.rejects(createSoapInsiClient({ url: gone.url, timeoutMs: 1000 }).searchByTraits(JEANNE, CALLER), (err: Error) => err instanceof InsiUnavailable && /could not be reached/.test(err.message));
});

test('an answer that is not SOAP, or a RESULTAT with an unknown CR, is InsiUnavailable', async () => {
  const answers = [
    '<html><body>Bad gateway</body></html>',
    `<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><RESULTAT xmlns="${NS.resultat}"><CR><CodeCR>99</CodeCR><LibelleCR>?</LibelleCR></CR></RESULTAT></soap:Body></soap:Envelope>`,
    `<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><RESULTAT xmlns="${NS.resultat}"><CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR></RESULTAT></soap:Body></soap:Envelope>`,
  ];
  let next = 0;
  const odd = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/soap+xml' }).end(answers[next++]));
  });
  await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
  try {
    const oddClient = createSoapInsiClient({ url: `http://127.0.0.1:${(odd.address() as AddressInfo).port}/lps`, timeoutMs: 1000 });
    for (let i = 0; i < answers.length; i++) await assert.rejects(oddClient.searchByTraits({ ...JEANNE, givenNames: 'Jeanne' }, CALLER), InsiUnavailable, answers[i]);
  } finally {
    odd.closeAllConnections();
    await new Promise((resolve) => odd.close(resolve));
  }
});

test('the peer answers a malformed request with a SOAP 1.2 fault', async () => {
  const res = await fetch(peer.url, { method: 'POST', headers: { 'content-type': contentTypeFor(ACTIONS.search) }, body: '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body/>' });
  assert.equal(res.status, 500);
  const fault = child(child(parseXml(await res.text()), NS.soap, 'Body')!, NS.soap, 'Fault');
  assert.ok(fault);
  assert.match(childText(child(fault, NS.soap, 'Reason'), NS.soap, 'Text') ?? '', /requete invalide/);
  const notSoap = await fetch(peer.url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<a/>' });
  assert.equal(notSoap.status, 500);
  assert.equal((await fetch(peer.url)).status, 405);
});

test('mutual TLS needs an https URL', () => {
  assert.throws(() => createSoapInsiClient({ url: 'http://insi.example/lps', tls: { cert: '-----BEGIN CERTIFICATE-----', key: '-----BEGIN PRIVATE KEY-----' } }), /https/);
});
