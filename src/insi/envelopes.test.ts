// The SOAP messages against the shapes the service is published to send (CNAM XSDs, and the answers
// recorded by the padoa/tlsi-ins client: prefixes soap:/S:/env:, RESULTAT in a default namespace,
// INSACTIF without TypeMatricule, TIQ without Prenom, faults with a siram:Erreur detail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTIONS,
  buildFaultResponse,
  buildResultResponse,
  buildSearchRequest,
  buildVerifyRequest,
  EnvelopeInvalid,
  NS,
  parseAnswer,
  parseRequest,
  type EnvelopeContext,
} from './envelopes.ts';
import { child, childElements, childText, parseXml } from './xml.ts';
import { SEARCH_CR } from './messages.ts';

const CTX: EnvelopeContext = {
  messageId: '5f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
  now: new Date('2026-01-15T09:30:00.000Z'),
  caller: { personId: 'p-1', displayName: `Claire Morel`, rpps: '99700001234', structureName: `DAC "Anjou" & Co`, structureFiness: '490000001' },
  software: { idam: 'TESTIDAM0001', name: 'Trame', version: '0.1.0', instance: '11111111-2222-4333-8444-555555555555' },
  issuer: 'CN=INSI-AUTO,O=DAC ANJOU,C=FR',
};

test('a CR 00 answer (S: prefix, default namespace, no Prenom in TIQ) is read', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">
  <S:Body xmlns:S="http://www.w3.org/2003/05/soap-envelope">
    <RESULTAT xmlns:ns3="http://www.cnamts.fr/INSiRecVit" xmlns:ns2="http://www.cnamts.fr/INSiRecSans" xmlns="http://www.cnamts.fr/INSiResultat">
      <CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR>
      <INDIVIDU>
        <INSACTIF><IdIndividu><NumIdentifiant>2751263220123</NumIdentifiant><Cle>41</Cle></IdIndividu><OID>1.2.250.1.213.1.4.10</OID></INSACTIF>
        <INSHISTO><IdIndividu><NumIdentifiant>7751263220999</NumIdentifiant><Cle>12</Cle><TypeMatricule>NIA</TypeMatricule></IdIndividu><OID>1.2.250.1.213.1.4.9</OID></INSHISTO>
        <TIQ><NomNaissance>ADRTEST</NomNaissance><ListePrenom>ZOE MARIE</ListePrenom><Sexe>F</Sexe><DateNaissance>1975-12-31</DateNaissance><LieuNaissance>63220</LieuNaissance></TIQ>
      </INDIVIDU>
    </RESULTAT>
  </S:Body>
</soap:Envelope>`;
  const answer = parseAnswer(xml);
  assert.equal(answer.kind, 'result');
  if (answer.kind !== 'result') return;
  assert.equal(answer.code, '00');
  assert.deepEqual(answer.individual, {
    NumIdentifiant: '2751263220123',
    Cle: '41',
    OID: '1.2.250.1.213.1.4.10',
    NomNaissance: 'ADRTEST',
    Prenom: null,
    ListePrenom: 'ZOE MARIE',
    Sexe: 'F',
    DateNaissance: '1975-12-31',
    LieuNaissance: '63220',
  });
});

test('CR 01 and 02 answers (env: prefix) carry no INDIVIDU', () => {
  for (const [code, label] of [['01', 'Aucune identite trouvee'], ['02', 'Plusieurs identites trouvees']]) {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap}"><env:Body xmlns:S="${NS.soap}" xmlns:env="${NS.soap}"><RESULTAT xmlns="${NS.resultat}" xmlns:ns0="${NS.recSans}"><CR><CodeCR>${code}</CodeCR><LibelleCR>${label}</LibelleCR></CR></RESULTAT></env:Body></soap:Envelope>`;
    assert.deepEqual(parseAnswer(xml), { kind: 'result', code, label, individual: null });
  }
});

test('a SOAP 1.2 fault with a siram:Erreur detail is read', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap}"><env:Body xmlns:env="${NS.soap}"><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>soap:siram_100</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang="fr">L'accès par ce progiciel au service n'est pas autorisé.</soap:Text></soap:Reason><soap:Detail><siram:Erreur code="desir_550" messageID="uuid:abc" severite="erreur" xmlns:siram="urn:siram">Numéro d'autorisation du logiciel inconnu.</siram:Erreur></soap:Detail></soap:Fault></env:Body></soap:Envelope>`;
  assert.deepEqual(parseAnswer(xml), {
    kind: 'fault',
    fault: {
      code: 'soap:Sender',
      subcode: 'soap:siram_100',
      reason: "L'accès par ce progiciel au service n'est pas autorisé.",
      errorCode: 'desir_550',
      errorText: "Numéro d'autorisation du logiciel inconnu.",
      messageId: 'uuid:abc',
    },
  });
});

test('what is neither a RESULTAT nor a fault is refused', () => {
  assert.throws(() => parseAnswer(`<soapenv:Envelope xmlns:soapenv="${NS.soap11}"><soapenv:Body/></soapenv:Envelope>`), /SOAP 1.1/);
  assert.throws(() => parseAnswer(`<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><Other/></soap:Body></soap:Envelope>`), EnvelopeInvalid);
  assert.throws(() => parseAnswer(`<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><RESULTAT xmlns="${NS.resultat}"><CR/></RESULTAT></soap:Body></soap:Envelope>`), /CodeCR/);
  assert.throws(() => parseAnswer('<html><body>502 Bad Gateway</body></html>'), EnvelopeInvalid);
  assert.throws(() => parseAnswer('Service Unavailable'));
});

test('the search request has the WSDL header blocks in the published order and RECSANSVITALE in its namespace', () => {
  const xml = buildSearchRequest({ NomNaissance: 'ADRTEST', Prenom: 'ZOE', Sexe: 'F', DateNaissance: '1975-12-31', LieuNaissance: null }, CTX);
  const env = parseXml(xml);
  assert.equal(env.ns, NS.soap);
  const header = child(env, NS.soap, 'Header')!;
  assert.deepEqual(
    childElements(header).map((e) => `{${e.ns}}${e.local}`),
    [`{${NS.ctxbam}}ContexteBAM`, `{${NS.ctxlps}}ContexteLPS`, `{${NS.wsa}}Action`, `{${NS.wsa}}MessageID`, `{${NS.wsse}}Security`],
  );
  assert.equal(childText(header, NS.wsa, 'Action'), ACTIONS.search);
  assert.equal(childText(header, NS.wsa, 'MessageID'), `uuid:${CTX.messageId}`);
  const lps = child(header, NS.ctxlps, 'ContexteLPS')!;
  assert.deepEqual(lps.attrs.filter((a) => a.ns === null).map((a) => `${a.local}=${a.value}`), ['Nature=CTXLPS', 'Version=01_00']);
  assert.equal(childText(child(lps, NS.ctxlps, 'LPS'), NS.ctxlps, 'Nom'), 'urn:lps:Trame:0.1.0');
  assert.equal(childText(child(lps, NS.ctxlps, 'LPS'), NS.ctxlps, 'IDAM'), 'TESTIDAM0001');
  const bam = child(header, NS.ctxbam, 'ContexteBAM')!;
  assert.ok(child(bam, NS.ctxbam, 'COUVERTURE'), 'an empty COUVERTURE: no Vitale card in this operation');
  const body = childElements(child(env, NS.soap, 'Body')!);
  assert.equal(body.length, 1);
  assert.equal(body[0]!.ns, NS.recSans);
  assert.equal(body[0]!.local, 'RECSANSVITALE');
  assert.deepEqual(childElements(body[0]!).map((e) => e.local), ['NomNaissance', 'Prenom', 'Sexe', 'DateNaissance']);
});

test('the caller reaches the header: emitter, VIHF-style assertion with professional and structure', () => {
  const request = parseRequest(buildSearchRequest({ NomNaissance: 'X', Prenom: 'Y', Sexe: 'M', DateNaissance: '2000-01-01', LieuNaissance: '99352' }, CTX));
  assert.deepEqual(request.caller, {
    emitter: '899700001234',
    idam: 'TESTIDAM0001',
    nameId: '899700001234',
    subjectId: 'Claire Morel',
    organization: `DAC "Anjou" & Co`,
    organizationId: '1490000001',
  });
  assert.equal(request.traits.LieuNaissance, '99352');
});

test('the verification request carries the INS and the traits, and reads back', () => {
  const xml = buildVerifyRequest(
    { NumIdentifiant: '253072A073004', Cle: '43', OID: '1.2.250.1.213.1.4.10' },
    { NomNaissance: 'CORSE', Prenom: 'ANTHONY', Sexe: 'F', DateNaissance: '1953-07-01', LieuNaissance: '2A004' },
    'ANTHONY MARIE',
    CTX,
  );
  const request = parseRequest(xml);
  assert.equal(request.operation, 'verify');
  assert.equal(request.action, ACTIONS.verify);
  assert.deepEqual(request.ins, { NumIdentifiant: '253072A073004', Cle: '43', OID: '1.2.250.1.213.1.4.10' });
  assert.equal(request.traits.ListePrenom, 'ANTHONY MARIE');
});

test('a request whose action does not match its body, or that lacks a header block, is invalid', () => {
  const search = buildSearchRequest({ NomNaissance: 'X', Prenom: 'Y', Sexe: 'M', DateNaissance: '2000-01-01', LieuNaissance: null }, CTX);
  assert.throws(() => parseRequest(search.replace(ACTIONS.search, ACTIONS.verify)), /does not match/);
  assert.throws(() => parseRequest(search.replace(/<ctxlps:ContexteLPS[\s\S]*<\/ctxlps:ContexteLPS>/, '')), /ContexteLPS/);
  assert.throws(() => parseRequest(search.replace('<insi_recsans_ins:Sexe>M</insi_recsans_ins:Sexe>', '<insi_recsans_ins:Sexe>X</insi_recsans_ins:Sexe>')), /Sexe/);
});

test('the answers the test peer writes read back the same', () => {
  const individual = { NumIdentifiant: '2751263220123', Cle: '41', OID: '1.2.250.1.213.1.4.10', NomNaissance: `D'<&>"`, Prenom: 'ZOE', ListePrenom: 'ZOE MARIE', Sexe: 'F', DateNaissance: '1975-12-31', LieuNaissance: '63220' };
  assert.deepEqual(parseAnswer(buildResultResponse(SEARCH_CR.found, individual)), { kind: 'result', code: '00', label: 'OK', individual });
  const fault = parseAnswer(buildFaultResponse({ code: 'Receiver', subcode: 'siram_100', reason: 'r <1>', errorCode: 'e', errorText: 't & u', messageId: null }));
  assert.equal(fault.kind, 'fault');
  if (fault.kind === 'fault') assert.equal(fault.fault.errorText, 't & u');
});
