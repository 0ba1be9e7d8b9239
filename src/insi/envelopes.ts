// The SOAP 1.2 messages of the INSi teleservice, written and read by hand: the requests the client
// sends (and the test peer reads) and the answers the test peer sends (and the client reads).
// Namespaces, element names, header blocks and actions come from the CNAM WSDL DESIR_ICIR_EXP_1.5.0
// and its XSDs; what is assumed is marked [ASSUMPTION] here and listed in README.md.
import { attribute, child, childElements, childText, escapeXml, parseXml, textOf, type XmlElement } from './xml.ts';
import type { InsiAnswerIndividual, InsiRequestTraits } from './messages.ts';
import type { InsiCaller } from './types.ts';

export const NS = {
  soap: 'http://www.w3.org/2003/05/soap-envelope',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  wsa: 'http://www.w3.org/2005/08/addressing',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  ctxbam: 'urn:siram:bam:ctxbam',
  ctxlps: 'urn:siram:lps:ctxlps',
  siram: 'urn:siram',
  recSans: 'http://www.cnamts.fr/INSiRecSans',
  resultat: 'http://www.cnamts.fr/INSiResultat',
  /** [ASSUMPTION] namespace of the verification request: not in the published WSDL 1.5.0 */
  verif: 'http://www.cnamts.fr/INSiVerif',
} as const;

export const ACTIONS = {
  search: 'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite',
  /** [ASSUMPTION] operation name seen in a CNAM sample, action URN built like the published ones */
  verify: 'urn:ServiceIdentiteCertifiee:1.0.0:verifierInsAvecTraitsIdentite',
} as const;

/** The software's identity in ContexteLPS: IDAM is the number the Assurance Maladie gives an approved LPS. */
export type InsiSoftware = { idam: string; name: string; version: string; instance: string };

export type EnvelopeContext = {
  /** a UUID, sent as wsa:MessageID "uuid:…" and used as the contexts' Id */
  messageId: string;
  now: Date;
  caller: InsiCaller;
  software: InsiSoftware;
  /** the assertion's Issuer: the structure certificate's subject when known */
  issuer: string;
};

export const SOAP_CONTENT_TYPE = 'application/soap+xml; charset=utf-8';

export function contentTypeFor(action: string): string {
  return `${SOAP_CONTENT_TYPE}; action="${action}"`;
}

const e = escapeXml;

/** IdNat_PS / IdNat_Struct of the ANS directory: '8' + RPPS, '1' + FINESS. [ASSUMPTION] convention, not read in a spec here. */
export function idNatPs(caller: InsiCaller): string {
  return caller.rpps ? `8${caller.rpps}` : `trame:${caller.personId}`;
}

function idNatStruct(caller: InsiCaller): string | null {
  return caller.structureFiness ? `1${caller.structureFiness}` : null;
}

function samlAttribute(name: string, value: string | null): string {
  if (value === null) return '';
  return `<saml:Attribute Name="${e(name)}"><saml:AttributeValue>${e(value)}</saml:AttributeValue></saml:Attribute>`;
}

/**
 * The caller as a VIHF-style SAML 2.0 assertion in wsse:Security. The published INSi client puts a
 * CPS-signed assertion there in "CPx" mode and nothing in "structure certificate" mode; attribute
 * names follow the ANS VIHF mapping. [ASSUMPTION] unsigned, carried in certificate mode too, so that
 * INSi's logs name the professional behind a structure's call.
 */
function vihfAssertion(ctx: EnvelopeContext): string {
  const { caller, software } = ctx;
  const instant = ctx.now.toISOString();
  return [
    `<wsse:Security xmlns:wsse="${NS.wsse}">`,
    `<saml:Assertion xmlns:saml="${NS.saml}" ID="_${e(ctx.messageId)}" IssueInstant="${instant}" Version="2.0">`,
    `<saml:Issuer Format="urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName">${e(ctx.issuer)}</saml:Issuer>`,
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">${e(idNatPs(caller))}</saml:NameID></saml:Subject>`,
    `<saml:AuthnStatement AuthnInstant="${instant}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
    '<saml:AttributeStatement>',
    samlAttribute('VIHF_Version', '4.0'),
    samlAttribute('Authentification_Mode', 'INDIRECTE'),
    samlAttribute('urn:oasis:names:tc:xspa:1.0:subject:subject-id', caller.displayName),
    samlAttribute('urn:oasis:names:tc:xspa:1.0:subject:organization', caller.structureName),
    samlAttribute('urn:oasis:names:tc:xspa:1.0:subject:organization-id', idNatStruct(caller)),
    samlAttribute('Identifiant_Structure', idNatStruct(caller)),
    samlAttribute('LPS_Nom', software.name),
    samlAttribute('LPS_Version', software.version),
    '</saml:AttributeStatement>',
    '</saml:Assertion>',
    '</wsse:Security>',
  ].join('');
}

/** ContexteBAM, ContexteLPS, wsa:Action, wsa:MessageID (the WSDL's header parts, in the published order), then the caller. */
function header(action: string, ctx: EnvelopeContext): string {
  const time = ctx.now.toISOString();
  const emitter = e(idNatPs(ctx.caller));
  const { software } = ctx;
  return [
    '<soap:Header>',
    `<ctxbam:ContexteBAM xmlns:ctxbam="${NS.ctxbam}" Version="01_02">`,
    `<ctxbam:Id>${e(ctx.messageId)}</ctxbam:Id><ctxbam:Temps>${time}</ctxbam:Temps><ctxbam:Emetteur>${emitter}</ctxbam:Emetteur>`,
    '<ctxbam:COUVERTURE></ctxbam:COUVERTURE>',
    '</ctxbam:ContexteBAM>',
    `<ctxlps:ContexteLPS xmlns:ctxlps="${NS.ctxlps}" Nature="CTXLPS" Version="01_00">`,
    `<ctxlps:Id>${e(ctx.messageId)}</ctxlps:Id><ctxlps:Temps>${time}</ctxlps:Temps><ctxlps:Emetteur>${emitter}</ctxlps:Emetteur>`,
    '<ctxlps:LPS>',
    `<ctxlps:IDAM R="4">${e(software.idam)}</ctxlps:IDAM>`,
    `<ctxlps:Version>${e(software.version)}</ctxlps:Version>`,
    `<ctxlps:Instance>${e(software.instance)}</ctxlps:Instance>`,
    `<ctxlps:Nom>${e(`urn:lps:${software.name}:${software.version}`)}</ctxlps:Nom>`,
    '</ctxlps:LPS>',
    '</ctxlps:ContexteLPS>',
    `<wsa:Action xmlns:wsa="${NS.wsa}">${e(action)}</wsa:Action>`,
    `<wsa:MessageID xmlns:wsa="${NS.wsa}">uuid:${e(ctx.messageId)}</wsa:MessageID>`,
    vihfAssertion(ctx),
    '</soap:Header>',
  ].join('');
}

function envelope(headerXml: string, bodyXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap}">${headerXml}<soap:Body>${bodyXml}</soap:Body></soap:Envelope>`;
}

function traitElements(prefix: string, t: InsiRequestTraits, listePrenom: string | null): string {
  const el = (name: string, value: string): string => `<${prefix}:${name}>${e(value)}</${prefix}:${name}>`;
  return [
    el('NomNaissance', t.NomNaissance),
    el('Prenom', t.Prenom),
    listePrenom === null ? '' : el('ListePrenom', listePrenom),
    el('Sexe', t.Sexe),
    el('DateNaissance', t.DateNaissance),
    t.LieuNaissance === null ? '' : el('LieuNaissance', t.LieuNaissance),
  ].join('');
}

/** rechercherInsAvecTraitsIdentite: RECSANSVITALE (XSD INSi_RECSANS_INS.xsd) */
export function buildSearchRequest(traits: InsiRequestTraits, ctx: EnvelopeContext): string {
  const body = `<insi_recsans_ins:RECSANSVITALE xmlns:insi_recsans_ins="${NS.recSans}">${traitElements('insi_recsans_ins', traits, null)}</insi_recsans_ins:RECSANSVITALE>`;
  return envelope(header(ACTIONS.search, ctx), body);
}

/**
 * The verification request. [ASSUMPTION] shape taken from the structure a CNAM sample program builds
 * (IndividuVerifie / INSFourni / TraitsIdentiteIndividu) under an element and namespace of our own.
 */
export function buildVerifyRequest(
  ins: { NumIdentifiant: string; Cle: string; OID: string },
  traits: InsiRequestTraits,
  listePrenom: string,
  ctx: EnvelopeContext,
): string {
  const p = 'insi_verif';
  const body = [
    `<${p}:VERIFIER xmlns:${p}="${NS.verif}"><${p}:IndividuVerifie>`,
    `<${p}:INSFourni><${p}:IdIndividu><${p}:NumIdentifiant>${e(ins.NumIdentifiant)}</${p}:NumIdentifiant><${p}:Cle>${e(ins.Cle)}</${p}:Cle></${p}:IdIndividu>`,
    `<${p}:OID>${e(ins.OID)}</${p}:OID></${p}:INSFourni>`,
    `<${p}:TraitsIdentiteIndividu>${traitElements(p, traits, listePrenom)}</${p}:TraitsIdentiteIndividu>`,
    `</${p}:IndividuVerifie></${p}:VERIFIER>`,
  ].join('');
  return envelope(header(ACTIONS.verify, ctx), body);
}

/** RESULTAT (XSD INSi_RESULTAT_INS.xsd): CR, then INDIVIDU when one identity is found. */
export function buildResultResponse(cr: { code: string; label: string }, individual: InsiAnswerIndividual | null): string {
  const ind = individual
    ? [
        '<INDIVIDU><INSACTIF><IdIndividu>',
        `<NumIdentifiant>${e(individual.NumIdentifiant)}</NumIdentifiant>`,
        individual.Cle === null ? '' : `<Cle>${e(individual.Cle)}</Cle>`,
        `</IdIndividu><OID>${e(individual.OID)}</OID></INSACTIF>`,
        '<TIQ>',
        `<NomNaissance>${e(individual.NomNaissance)}</NomNaissance>`,
        individual.Prenom === null ? '' : `<Prenom>${e(individual.Prenom)}</Prenom>`,
        `<ListePrenom>${e(individual.ListePrenom)}</ListePrenom>`,
        `<Sexe>${e(individual.Sexe)}</Sexe>`,
        `<DateNaissance>${e(individual.DateNaissance)}</DateNaissance>`,
        `<LieuNaissance>${e(individual.LieuNaissance)}</LieuNaissance>`,
        '</TIQ></INDIVIDU>',
      ].join('')
    : '';
  const result = `<RESULTAT xmlns="${NS.resultat}" xmlns:ns2="${NS.recSans}"><CR><CodeCR>${e(cr.code)}</CodeCR><LibelleCR>${e(cr.label)}</LibelleCR></CR>${ind}</RESULTAT>`;
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap}"><S:Body xmlns:S="${NS.soap}">${result}</S:Body></soap:Envelope>`;
}

export type FaultInfo = {
  /** soap:Sender or soap:Receiver */
  code: 'Sender' | 'Receiver';
  /** e.g. siram_100 */
  subcode: string;
  reason: string;
  /** siram:Erreur/@code, e.g. desir_550 */
  errorCode: string;
  errorText: string;
  messageId: string | null;
};

/** A SOAP 1.2 fault with a siram:Erreur detail, shaped like the published desir_550 answer. */
export function buildFaultResponse(fault: FaultInfo): string {
  const messageId = fault.messageId ? ` messageID="${e(fault.messageId)}"` : '';
  return [
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><soap:Fault>`,
    `<soap:Code><soap:Value>soap:${fault.code}</soap:Value><soap:Subcode><soap:Value>soap:${e(fault.subcode)}</soap:Value></soap:Subcode></soap:Code>`,
    `<soap:Reason><soap:Text xml:lang="fr">${e(fault.reason)}</soap:Text></soap:Reason>`,
    `<soap:Detail><siram:Erreur xmlns:siram="${NS.siram}" code="${e(fault.errorCode)}" severite="erreur"${messageId}>${e(fault.errorText)}</siram:Erreur></soap:Detail>`,
    '</soap:Fault></soap:Body></soap:Envelope>',
  ].join('');
}

export class EnvelopeInvalid extends Error {
  override name = 'EnvelopeInvalid';
}

function soapBody(xml: string): { envelope: XmlElement; body: XmlElement } {
  const root = parseXml(xml);
  if (root.local !== 'Envelope' || root.ns !== NS.soap) {
    throw new EnvelopeInvalid(root.ns === NS.soap11 ? 'a SOAP 1.1 envelope where SOAP 1.2 is expected' : 'not a SOAP 1.2 envelope');
  }
  const body = child(root, NS.soap, 'Body');
  if (!body) throw new EnvelopeInvalid('no soap:Body');
  return { envelope: root, body };
}

function required(parent: XmlElement | null, ns: string | null, local: string): string {
  const value = childText(parent, ns, local);
  if (!value) throw new EnvelopeInvalid(`${local} missing`);
  return value;
}

export type ParsedAnswer =
  | { kind: 'result'; code: string; label: string; individual: InsiAnswerIndividual | null }
  | { kind: 'fault'; fault: Omit<FaultInfo, 'code'> & { code: string } };

/** Reads an answer of the service. Throws XmlError / EnvelopeInvalid when it is neither a RESULTAT nor a fault. */
export function parseAnswer(xml: string): ParsedAnswer {
  const { body } = soapBody(xml);
  const fault = child(body, NS.soap, 'Fault');
  if (fault) {
    const code = child(fault, NS.soap, 'Code');
    const erreur = child(child(fault, NS.soap, 'Detail') ?? fault, NS.siram, 'Erreur');
    return {
      kind: 'fault',
      fault: {
        code: childText(code, NS.soap, 'Value') ?? '',
        subcode: childText(code ? child(code, NS.soap, 'Subcode') : null, NS.soap, 'Value') ?? '',
        reason: childElements(child(fault, NS.soap, 'Reason') ?? fault, NS.soap, 'Text').map((t) => textOf(t)).join(' '),
        errorCode: erreur ? (attribute(erreur, null, 'code') ?? '') : '',
        errorText: textOf(erreur) ?? '',
        messageId: erreur ? attribute(erreur, null, 'messageID') : null,
      },
    };
  }
  const resultat = child(body, NS.resultat, 'RESULTAT');
  if (!resultat) throw new EnvelopeInvalid('neither a RESULTAT nor a Fault in the body');
  const cr = child(resultat, NS.resultat, 'CR');
  const r = NS.resultat;
  const individu = child(resultat, r, 'INDIVIDU');
  let individual: InsiAnswerIndividual | null = null;
  if (individu) {
    const actif = child(individu, r, 'INSACTIF');
    const id = actif ? child(actif, r, 'IdIndividu') : null;
    const tiq = child(individu, r, 'TIQ');
    individual = {
      NumIdentifiant: required(id, r, 'NumIdentifiant'),
      Cle: childText(id, r, 'Cle') || null,
      OID: required(actif, r, 'OID'),
      NomNaissance: required(tiq, r, 'NomNaissance'),
      Prenom: childText(tiq, r, 'Prenom') || null,
      ListePrenom: childText(tiq, r, 'ListePrenom') ?? '',
      Sexe: required(tiq, r, 'Sexe'),
      DateNaissance: required(tiq, r, 'DateNaissance'),
      LieuNaissance: childText(tiq, r, 'LieuNaissance') ?? '',
    };
  }
  return { kind: 'result', code: required(cr, r, 'CodeCR'), label: childText(cr, r, 'LibelleCR') ?? '', individual };
}

/** What the test peer learns about the caller from the headers. */
export type RequestCaller = {
  emitter: string | null;
  idam: string | null;
  nameId: string | null;
  subjectId: string | null;
  organization: string | null;
  organizationId: string | null;
};

export type ParsedRequest = {
  operation: 'search' | 'verify';
  action: string;
  messageId: string;
  caller: RequestCaller;
  traits: InsiRequestTraits & { ListePrenom: string | null };
  ins: { NumIdentifiant: string; Cle: string; OID: string } | null;
};

function samlAttributeValue(statement: XmlElement | null, name: string): string | null {
  if (!statement) return null;
  const found = childElements(statement, NS.saml, 'Attribute').find((a) => attribute(a, null, 'Name') === name);
  return found ? childText(found, NS.saml, 'AttributeValue') : null;
}

function readTraits(parent: XmlElement, ns: string): ParsedRequest['traits'] {
  const sexe = required(parent, ns, 'Sexe');
  if (sexe !== 'F' && sexe !== 'M') throw new EnvelopeInvalid(`Sexe must be F or M, not ${sexe}`);
  const prenoms = childElements(parent, ns, 'Prenom').map((p) => textOf(p) ?? '').filter(Boolean);
  if (!prenoms.length) throw new EnvelopeInvalid('Prenom missing');
  const date = required(parent, ns, 'DateNaissance');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new EnvelopeInvalid(`DateNaissance must be YYYY-MM-DD, not ${date}`);
  return {
    NomNaissance: required(parent, ns, 'NomNaissance'),
    Prenom: prenoms.join(' '),
    ListePrenom: childText(parent, ns, 'ListePrenom') || null,
    Sexe: sexe,
    DateNaissance: date,
    LieuNaissance: childText(parent, ns, 'LieuNaissance') || null,
  };
}

/** Reads a request as the service would (used by the test peer). Throws XmlError / EnvelopeInvalid. */
export function parseRequest(xml: string): ParsedRequest {
  const { envelope: env, body } = soapBody(xml);
  const head = child(env, NS.soap, 'Header');
  if (!head) throw new EnvelopeInvalid('no soap:Header');
  const lps = child(head, NS.ctxlps, 'ContexteLPS');
  if (!lps) throw new EnvelopeInvalid('ContexteLPS missing');
  if (!child(head, NS.ctxbam, 'ContexteBAM')) throw new EnvelopeInvalid('ContexteBAM missing');
  const action = required(head, NS.wsa, 'Action');
  const messageId = required(head, NS.wsa, 'MessageID');
  const security = child(head, NS.wsse, 'Security');
  const assertion = security ? child(security, NS.saml, 'Assertion') : null;
  const statement = assertion ? child(assertion, NS.saml, 'AttributeStatement') : null;
  const caller: RequestCaller = {
    emitter: childText(lps, NS.ctxlps, 'Emetteur'),
    idam: childText(child(lps, NS.ctxlps, 'LPS'), NS.ctxlps, 'IDAM'),
    nameId: assertion ? childText(child(assertion, NS.saml, 'Subject'), NS.saml, 'NameID') : null,
    subjectId: samlAttributeValue(statement, 'urn:oasis:names:tc:xspa:1.0:subject:subject-id'),
    organization: samlAttributeValue(statement, 'urn:oasis:names:tc:xspa:1.0:subject:organization'),
    organizationId: samlAttributeValue(statement, 'urn:oasis:names:tc:xspa:1.0:subject:organization-id'),
  };
  const payload = childElements(body);
  if (payload.length !== 1) throw new EnvelopeInvalid('the body must hold exactly one element');
  const root = payload[0]!;
  if (root.ns === NS.recSans && root.local === 'RECSANSVITALE') {
    if (action !== ACTIONS.search) throw new EnvelopeInvalid(`action ${action} does not match RECSANSVITALE`);
    return { operation: 'search', action, messageId, caller, traits: readTraits(root, NS.recSans), ins: null };
  }
  if (root.ns === NS.verif && root.local === 'VERIFIER') {
    if (action !== ACTIONS.verify) throw new EnvelopeInvalid(`action ${action} does not match VERIFIER`);
    const individu = child(root, NS.verif, 'IndividuVerifie');
    const fourni = individu ? child(individu, NS.verif, 'INSFourni') : null;
    const id = fourni ? child(fourni, NS.verif, 'IdIndividu') : null;
    const traitsEl = individu ? child(individu, NS.verif, 'TraitsIdentiteIndividu') : null;
    if (!traitsEl) throw new EnvelopeInvalid('TraitsIdentiteIndividu missing');
    const ins = { NumIdentifiant: required(id, NS.verif, 'NumIdentifiant').toUpperCase(), Cle: required(id, NS.verif, 'Cle'), OID: required(fourni, NS.verif, 'OID') };
    if (!/^\d{5}(?:\d{2}|2A|2B)\d{6}$/.test(ins.NumIdentifiant)) throw new EnvelopeInvalid(`bad NumIdentifiant ${ins.NumIdentifiant}`);
    if (!/^\d{2}$/.test(ins.Cle)) throw new EnvelopeInvalid(`bad Cle ${ins.Cle}`);
    return { operation: 'verify', action, messageId, caller, traits: readTraits(traitsEl, NS.verif), ins };
  }
  throw new EnvelopeInvalid(`unknown operation {${root.ns ?? ''}}${root.local}`);
}
