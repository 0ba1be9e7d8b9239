// The real server as a child process of the bench, on a free port, with its output in a log file.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { round } from './load.ts';
import { repoRoot, type BenchOptions, type BenchPaths } from './options.ts';

export type Server = { pid: number; url: string; logFile: string; alive(): boolean; stop(): Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The server's environment: production-like, on one database only (DATABASE_URL or DATA_DIR). */
function serverEnv(port: number, kind: BenchOptions['kind'], paths: BenchPaths): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRAME_DEMO: 'false', LOG_LEVEL: 'warn' };
  delete env.NODE_ENV;
  if (kind === 'postgres') {
    env.DATABASE_URL = paths.benchUrl;
    delete env.DATA_DIR;
  } else {
    env.DATA_DIR = paths.pgliteDir;
    delete env.DATABASE_URL;
  }
  return env;
}

export async function startServer(options: BenchOptions, paths: BenchPaths, log: (line: string) => void): Promise<Server> {
  const { kind } = options;
  const port = await freePort();
  const env = serverEnv(port, kind, paths);
  const entry = options.server === 'direct' ? ['bench/server.ts'] : ['scripts/trame.mjs', 'start'];
  const logFile = paths.serverLog;
  const out = fs.openSync(logFile, 'a');
  const nodeArgs = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${paths.profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...entry], { cwd: repoRoot, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited: number | null = null;
  let stopping = false;
  const exit = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exited = code ?? (signal ? 128 : 1);
    if (!stopping) log(`!! The server (pid ${child.pid}) exited unexpectedly: code ${code}, signal ${signal}`);
    resolve();
  }));
  const url = `http://127.0.0.1:${port}`;
  log(`Starting the server: node ${entry.join(' ')} (PORT=${port}, ${kind === 'postgres' ? `DATABASE_URL=${paths.benchUrl}` : `DATA_DIR=${paths.pgliteDir}`}); log in ${path.relative(repoRoot, logFile)}`);
  const failure = () => {
    if (exited === null) return null;
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    return new Error(`The server exited (code ${exited}) before answering /api/health:\n${tail}\n` +
      (options.server === 'direct' ? '' : 'If `trame start` cannot run here (web build, demo modules), try --server direct.'));
  };
  await waitForHealth(url, failure, () => child.kill('SIGTERM'));
  return {
    pid: child.pid!,
    url,
    logFile,
    alive: () => exited === null,
    async stop() {
      if (exited !== null) return;
      stopping = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Polls /api/health until it answers; throws if the server exited first or after 5 minutes (then killing it). */
async function waitForHealth(url: string, failure: () => Error | null, kill: () => void): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const exited = failure();
    if (exited) throw exited;
    if (Date.now() > deadline) {
      kill();
      throw new Error('The server did not answer /api/health within 5 minutes');
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function metricsRssMb(url: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const match = /^process_resident_memory_bytes\s+([\d.e+]+)/m.exec(text);
    return match ? round(Number(match[1]) / 1_048_576, 1) : null;
  } catch {
    return null;
  }
}
