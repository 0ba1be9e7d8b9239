// TEST PEER — not the INSi teleservice. A plain HTTP server that answers the same SOAP 1.2 messages as
// the CNAM service, from a register given at start, so that the client, the identity capability and
// the demo can exercise real HTTP/SOAP exchanges without reaching the Assurance Maladie. Its matching
// rules are our reading of the service's documented behaviour ([ASSUMPTION], see README.md); it must
// never be pointed at by a production configuration.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildFaultResponse, buildResultResponse, parseRequest, SOAP_CONTENT_TYPE, type ParsedRequest, type RequestCaller } from './envelopes.ts';
import { comparableName, SEARCH_CR, toInsiIndividual, VERIFY_CR } from './messages.ts';
import type { InsiIdentity } from './types.ts';

export type InsiRegisterEntry = InsiIdentity;

/** What the peer answers to the next calls instead of looking in its register. */
export type InsiPeerFailure =
  /** a SOAP 1.2 fault (HTTP 500), like the service's technical errors */
  | 'fault'
  /** accepts the request and never answers (until close) */
  | 'hang'
  /** HTTP 503 with a plain-text body, like a load balancer in front of a service that is down */
  | 'http-error';

export type RecordedCall = {
  at: Date;
  operation: 'search' | 'verify' | 'invalid';
  action: string | null;
  messageId: string | null;
  caller: RequestCaller | null;
  /** the traits as received: Prenom is the given name (or list) sent, several Prenom elements joined */
  traits: ParsedRequest['traits'] | null;
  /** verification only: the matricule (with key) and OID received */
  ins: { matricule: string; oid: string } | null;
  answer: { kind: 'result'; code: string } | { kind: 'fault'; reason: string } | { kind: 'hang' } | { kind: 'http-error'; status: number };
  requestXml: string;
};

export type InsiTestPeer = {
  url: string;
  calls: RecordedCall[];
  /** the next `count` calls fail the given way (whatever they ask) */
  failNext(failure: InsiPeerFailure, count?: number): void;
  close(): Promise<void>;
};

const MAX_REQUEST_BYTES = 256 * 1024;

function sameGivenName(requested: string, entry: InsiRegisterEntry): boolean {
  const wanted = comparableName(requested);
  const firstWord = entry.givenNames.trim().split(/\s+/)[0] ?? '';
  return [entry.firstGivenName, firstWord, entry.givenNames].some((candidate) => comparableName(candidate) === wanted);
}

/** Birth name, given name (first one or the whole list), birth date and sex; the birthplace when sent. */
function matches(entry: InsiRegisterEntry, traits: ParsedRequest['traits']): boolean {
  return (
    comparableName(entry.birthName) === comparableName(traits.NomNaissance) &&
    sameGivenName(traits.Prenom, entry) &&
    entry.birthDate === traits.DateNaissance &&
    entry.sex === traits.Sexe &&
    (traits.LieuNaissance === null || entry.birthplaceInsee.toUpperCase() === traits.LieuNaissance.toUpperCase())
  );
}

function answerSearch(register: readonly InsiRegisterEntry[], request: ParsedRequest): { code: string; body: string } {
  const found = register.filter((entry) => matches(entry, request.traits));
  if (found.length === 1) return { code: SEARCH_CR.found.code, body: buildResultResponse(SEARCH_CR.found, toInsiIndividual(found[0]!)) };
  const cr = found.length === 0 ? SEARCH_CR.notFound : SEARCH_CR.several;
  return { code: cr.code, body: buildResultResponse(cr, null) };
}

function answerVerify(register: readonly InsiRegisterEntry[], request: ParsedRequest, matricule: string): { code: string; body: string } {
  const entry = register.find((e) => e.matricule.toUpperCase() === matricule && e.oid === request.ins!.OID);
  const cr = !entry ? VERIFY_CR.notFound : matches(entry, request.traits) ? VERIFY_CR.valid : VERIFY_CR.invalid;
  return { code: cr.code, body: buildResultResponse(cr, null) };
}

function fault(reason: string, messageId: string | null, sender: boolean): string {
  return buildFaultResponse({
    code: sender ? 'Sender' : 'Receiver',
    subcode: 'siram_100',
    reason,
    // [ASSUMPTION] the service's own error codes for malformed requests are not published; ours say what they are
    errorCode: sender ? 'insi_test_peer_requete_invalide' : 'insi_test_peer_erreur_technique',
    errorText: reason,
    messageId,
  });
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the test peer on an ephemeral port of 127.0.0.1 unless told otherwise. */
export async function startInsiTestPeer(options: { register: InsiRegisterEntry[]; port?: number; host?: string }): Promise<InsiTestPeer> {
  const register = [...options.register];
  const calls: RecordedCall[] = [];
  const failures: InsiPeerFailure[] = [];

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // a bug of the peer itself: answer like a failing service rather than crash the test process
      if (!res.headersSent) res.writeHead(500, { 'content-type': SOAP_CONTENT_TYPE }).end(fault(`erreur du pair de test: ${String(err)}`, null, false));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = new Date();
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('POST a SOAP 1.2 envelope');
      return;
    }
    const xml = await readBody(req).catch(() => null);
    const record = (partial: Omit<RecordedCall, 'at' | 'requestXml'>): void => {
      calls.push({ at, requestXml: xml ?? '', ...partial });
    };
    const blank = { operation: 'invalid' as const, action: null, messageId: null, caller: null, traits: null, ins: null };

    const failure = failures.shift();
    if (failure === 'hang') {
      record({ ...blank, answer: { kind: 'hang' } });
      return; // never answers; close() ends the connection
    }
    if (failure === 'http-error') {
      record({ ...blank, answer: { kind: 'http-error', status: 503 } });
      res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
      return;
    }
    const sendFault = (reason: string, messageId: string | null, sender: boolean, parsed: ParsedRequest | null): void => {
      record({ ...blank, ...(parsed ? describe(parsed) : {}), answer: { kind: 'fault', reason } });
      res.writeHead(500, { 'content-type': SOAP_CONTENT_TYPE }).end(fault(reason, messageId, sender));
    };
    if (xml === null) return sendFault(`request larger than ${MAX_REQUEST_BYTES} bytes`, null, true, null);
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/soap+xml')) {
      return sendFault('SOAP 1.2 expected (Content-Type application/soap+xml)', null, true, null);
    }
    let request: ParsedRequest;
    try {
      request = parseRequest(xml);
    } catch (err) {
      return sendFault(`requete invalide: ${err instanceof Error ? err.message : String(err)}`, null, true, null);
    }
    if (failure === 'fault') return sendFault('erreur technique simulee par le pair de test', request.messageId, false, request);

    const answer = request.operation === 'search' ? answerSearch(register, request) : answerVerify(register, request, describe(request).ins!.matricule);
    record({ ...describe(request), answer: { kind: 'result', code: answer.code } });
    res.writeHead(200, { 'content-type': SOAP_CONTENT_TYPE }).end(answer.body);
  }

  function describe(request: ParsedRequest): Omit<RecordedCall, 'at' | 'requestXml' | 'answer'> {
    const ins = request.ins ? { matricule: request.ins.NumIdentifiant + request.ins.Cle, oid: request.ins.OID } : null;
    return { operation: request.operation, action: request.action, messageId: request.messageId, caller: request.caller, traits: request.traits, ins };
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/lps`,
    calls,
    failNext(failure, count = 1) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
