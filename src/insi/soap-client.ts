// The INSi teleservice client: SOAP 1.2 over HTTPS, authenticated in real life by the structure's
// certificate (mutual TLS). Every technical failure — unreachable, timeout, SOAP fault, HTTP error,
// unreadable answer, unknown answer code — becomes InsiUnavailable, which callers turn into a 503.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { randomUUID, X509Certificate } from 'node:crypto';
import { ACTIONS, buildSearchRequest, buildVerifyRequest, contentTypeFor, parseAnswer, type EnvelopeContext, type InsiSoftware } from './envelopes.ts';
import { checkSearchTraits, fromInsiIndividual, givenNameList, searchAttempts, SEARCH_CR, splitMatricule, toInsiTraits, VERIFY_CR } from './messages.ts';
import { BadInput } from '#src/core/http/errors.ts';
import type { InsiIdentity } from './types.ts';
import { InsiUnavailable, type InsiCaller, type InsiClient, type InsiSearchResult, type InsiVerifyResult } from './types.ts';

export type SoapInsiClientOptions = {
  url: string;
  /** whole-call deadline, connection to last byte; default 10 s */
  timeoutMs?: number;
  /**
   * The structure's client certificate and key (mutual TLS) and the CA to trust for the service: each
   * either PEM text or the path of a PEM file.
   */
  tls?: { cert: string; key: string; ca?: string };
  /** ContexteLPS: the software's Assurance Maladie authorisation number (IDAM), name and version */
  software?: Partial<InsiSoftware>;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 1_000_000;
/** [ASSUMPTION] placeholder until the CNAM gives Trame an IDAM; the real service refuses unknown ones (desir_550). */
const DEFAULT_SOFTWARE: Omit<InsiSoftware, 'instance'> = { idam: 'TRAME-NON-HOMOLOGUE', name: 'Trame', version: '0.1.0' };

type HttpAnswer = { status: number; body: string };

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** PEM text as given, or read from the file it names. */
function pemOf(value: string): string {
  return value.includes('-----BEGIN') ? value : fs.readFileSync(value, 'utf8');
}

/** "CN=…,OU=…,O=…,C=FR" from the PEM certificate: the assertion's Issuer in certificate mode. */
function certificateSubject(pem: string): string {
  return new X509Certificate(pem).subject.split('\n').reverse().join(',');
}

function post(url: URL, agent: http.Agent, action: string, xml: string, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    const fail = (err: unknown): void => {
      clearTimeout(timer);
      reject(controller.signal.aborted ? controller.signal.reason : err);
    };
    const payload = Buffer.from(xml, 'utf8');
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      {
        method: 'POST',
        agent,
        signal: controller.signal,
        headers: { 'content-type': contentTypeFor(action), 'content-length': payload.length, accept: 'application/soap+xml' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) req.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

export function createSoapInsiClient(options: SoapInsiClientOptions): InsiClient {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`INSi URL must be http(s): ${options.url}`);
  if (options.tls && url.protocol !== 'https:') throw new Error('INSi mutual TLS needs an https URL');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const software: InsiSoftware = { ...DEFAULT_SOFTWARE, instance: randomUUID(), ...options.software };
  const tls = options.tls ? { cert: pemOf(options.tls.cert), key: pemOf(options.tls.key), ca: options.tls.ca ? pemOf(options.tls.ca) : undefined } : null;
  const issuer = tls ? certificateSubject(tls.cert) : null;
  const agent = tls
    ? new https.Agent({ keepAlive: true, maxSockets: 8, cert: tls.cert, key: tls.key, ...(tls.ca ? { ca: tls.ca } : {}) })
    : url.protocol === 'https:'
      ? new https.Agent({ keepAlive: true, maxSockets: 8 })
      : new http.Agent({ keepAlive: true, maxSockets: 8 });

  /** one SOAP exchange; anything but a readable RESULTAT is InsiUnavailable */
  async function exchange(action: string, build: (ctx: EnvelopeContext) => string, caller: InsiCaller) {
    const ctx: EnvelopeContext = { messageId: randomUUID(), now: new Date(), caller, software, issuer: issuer ?? `O=${caller.structureName}` };
    let answer: HttpAnswer;
    try {
      answer = await post(url, agent, action, build(ctx), timeoutMs);
    } catch (err) {
      throw new InsiUnavailable(`INSi could not be reached: ${message(err)}`, { cause: err });
    }
    let parsed: ReturnType<typeof parseAnswer>;
    try {
      parsed = parseAnswer(answer.body);
    } catch (err) {
      throw new InsiUnavailable(`INSi answered HTTP ${answer.status} with an unreadable body: ${message(err)}`, { cause: err });
    }
    if (parsed.kind === 'fault') {
      const f = parsed.fault;
      throw new InsiUnavailable(`INSi fault ${f.code} ${f.subcode} ${f.errorCode}: ${f.errorText || f.reason}`.replace(/\s+/g, ' '));
    }
    if (answer.status < 200 || answer.status >= 300) throw new InsiUnavailable(`INSi answered HTTP ${answer.status}`);
    return parsed;
  }

  function identityOf(parsed: Awaited<ReturnType<typeof exchange>>): InsiIdentity {
    if (!parsed.individual) throw new InsiUnavailable('INSi answered CR 00 without INDIVIDU');
    try {
      return fromInsiIndividual(parsed.individual);
    } catch (err) {
      throw new InsiUnavailable(`INSi answered an identity Trame cannot read: ${message(err)}`, { cause: err });
    }
  }

  return {
    channel: 'INSI_TRAITS',

    async searchByTraits(traits, caller): Promise<InsiSearchResult> {
      let several = false;
      for (const attempt of searchAttempts(traits)) {
        const parsed = await exchange(ACTIONS.search, (ctx) => buildSearchRequest(attempt, ctx), caller);
        if (parsed.code === SEARCH_CR.found.code) return { outcome: 'found', identity: identityOf(parsed) };
        if (parsed.code === SEARCH_CR.several.code) several = true;
        else if (parsed.code !== SEARCH_CR.notFound.code) throw new InsiUnavailable(`INSi answered an unknown CR ${parsed.code} (${parsed.label})`);
      }
      return several ? { outcome: 'several' } : { outcome: 'not_found' };
    },

    async verifyIns(ins, traits, caller): Promise<InsiVerifyResult> {
      checkSearchTraits(traits);
      const matricule = splitMatricule(ins.matricule);
      if (!/^\d+(\.\d+)+$/.test(ins.oid)) throw new BadInput('insi.bad_oid', 'Not an OID', { oid: 'dotted digits expected' });
      const names = givenNameList(traits.givenNames);
      const request = toInsiTraits(traits, names[0]!);
      const parsed = await exchange(ACTIONS.verify, (ctx) => buildVerifyRequest({ ...matricule, OID: ins.oid }, request, names.join(' '), ctx), caller);
      if (parsed.code === VERIFY_CR.valid.code) return { outcome: 'valid' };
      if (parsed.code === VERIFY_CR.invalid.code) return { outcome: 'invalid' };
      if (parsed.code === VERIFY_CR.notFound.code) return { outcome: 'not_found' };
      throw new InsiUnavailable(`INSi answered an unknown CR ${parsed.code} (${parsed.label})`);
    },
  };
}
