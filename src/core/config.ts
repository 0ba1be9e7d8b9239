// Everything the platform reads from its environment, read once, with defaults for a laptop.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import regions from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  production: boolean;
  // Cookies get `Secure` and helmet turns on HSTS/upgrade-insecure-requests only behind TLS.
  secureCookies: boolean;
  sessionHours: number;
  logLevel: string;
  loadDemo: boolean;
  /** The certified health-data host (R-LEG-6) and the end of its certificate's validity. */
  hdsHost: string | undefined;
  hdsCertificateValidUntil: string | undefined;
  /** The INSi teleservice endpoint and the structure's certificate for mutual TLS (PEM files). */
  insiUrl: string | undefined;
  insiTls: { cert: string; key: string; ca?: string } | undefined;
  /** The INSEE code of the région Trame serves: commune search and bulk additions are scoped to it. */
  regionCode: string;
  /** Where people reach the web app: the base of the links sent by e-mail (care-team invitations). */
  publicUrl: string;
  /** The SMTP server that sends the platform's e-mails (smtp://host:25); undefined = mail not configured. */
  smtpUrl: string | undefined;
  /** Signs the public referral form's tokens; random per process unless set (set it when several nodes serve the form). */
  formSecret: string;
  /** The largest document accepted in a file, in bytes (TRAME_DOCUMENT_MAX_BYTES, default 20 MB). */
  documentMaxBytes: number;
};

function readInsiTls(env: NodeJS.ProcessEnv): Config['insiTls'] {
  if (!env.INSI_CERT_FILE || !env.INSI_KEY_FILE) return undefined;
  return { cert: env.INSI_CERT_FILE, key: env.INSI_KEY_FILE, ...(env.INSI_CA_FILE ? { ca: env.INSI_CA_FILE } : {}) };
}

/** TRAME_REGION, an INSEE région code ('52' Pays de la Loire, the demo region, by default). */
function readRegionCode(env: NodeJS.ProcessEnv): string {
  const code = env.TRAME_REGION?.trim() || '52';
  if (!regions.some((r) => r.code === code)) {
    throw new Error(`TRAME_REGION=${code} is not an INSEE région code (${regions.map((r) => `${r.code} ${r.nom}`).join(', ')})`);
  }
  return code;
}

const PROCESS_FORM_SECRET = randomBytes(32).toString('hex');

function positiveInteger(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    production,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : production,
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    loadDemo: env.TRAME_DEMO ? env.TRAME_DEMO !== 'false' : !production,
    hdsHost: env.HDS_HOST || undefined,
    hdsCertificateValidUntil: env.HDS_CERTIFICATE_VALID_UNTIL || undefined,
    insiUrl: env.INSI_URL || undefined,
    insiTls: readInsiTls(env),
    regionCode: readRegionCode(env),
    publicUrl: (env.TRAME_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    smtpUrl: env.TRAME_SMTP_URL?.trim() || undefined,
    formSecret: env.TRAME_FORM_SECRET?.trim() || PROCESS_FORM_SECRET,
    documentMaxBytes: positiveInteger(env.TRAME_DOCUMENT_MAX_BYTES, 20 * 1024 * 1024),
  };
}

/**
 * R-LEG-6 (domain/rules.md §5, CSP L.1111-8): health data are hosted only by an HDS-certified host.
 * In production the configuration must name it and the certificate must still be valid; returns the
 * reason to refuse to start, or null.
 */
export function productionHostingProblem(config: Config, now: Date): string | null {
  if (!config.production) return null;
  if (!config.hdsHost) return 'NODE_ENV=production needs HDS_HOST: the HDS-certified host of the health data (CSP L.1111-8)';
  const until = config.hdsCertificateValidUntil;
  if (!until || !/^\d{4}-\d{2}-\d{2}$/.test(until)) return 'NODE_ENV=production needs HDS_CERTIFICATE_VALID_UNTIL as YYYY-MM-DD';
  if (new Date(`${until}T23:59:59Z`).getTime() < now.getTime()) return `The HDS certificate of ${config.hdsHost} expired on ${until}`;
  return null;
}
