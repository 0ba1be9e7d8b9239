// Everything the platform reads from its environment, read once, with defaults for a laptop.
import path from 'node:path';

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
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    production,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : production,
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    loadDemo: env.TRAME_DEMO ? env.TRAME_DEMO !== 'false' : !production,
  };
}
