// The load side: a closed-loop driver (C loops, each sends its next request when the previous one
// answered), latency recording in typed arrays, percentiles, a keep-alive HTTP client and CPU probes.
import fs from 'node:fs';
import http from 'node:http';

export type Figures = { rps: number; p50: number; p95: number; p99: number; count: number; errors: number; firstError?: string };

/** A growable Float64Array of latencies in milliseconds. */
export class Latencies {
  private data = new Float64Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (value: number, digits = 2): number => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);

export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/** xorshift32: a small seeded generator per loop, so that loops do not all pick the same file. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = (seed * 2654435761) >>> 0 || 1;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x / 4294967296;
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }
}

/** One request of a load: true when it succeeded, else a short description of the failure. */
export type Call = (loop: number, rng: Rng) => Promise<true | string>;

export type LoopOptions = {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  seed: number;
  call: Call;
  /** Called when the measured window opens and once every loop has stopped (for CPU/memory probes). */
  onWindowStart?: () => void | Promise<void>;
};

/** Runs `concurrency` closed loops: warm-up (not recorded), then the measured window. */
export async function closedLoop(options: LoopOptions): Promise<Figures & { elapsedMs: number }> {
  const latencies = new Latencies();
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const recordFrom = start + options.warmupMs;
  const end = recordFrom + options.durationMs;
  let lastDone = recordFrom;
  const windowTimer = setTimeout(() => void options.onWindowStart?.(), options.warmupMs);
  const loop = async (index: number) => {
    const rng = new Rng(options.seed * 1000 + index + 1);
    for (let t0 = performance.now(); t0 < end; t0 = performance.now()) {
      let outcome: true | string;
      try {
        outcome = await options.call(index, rng);
      } catch (error) {
        outcome = error instanceof Error ? error.message : String(error);
      }
      const t1 = performance.now();
      if (t0 < recordFrom) continue;
      lastDone = Math.max(lastDone, t1);
      if (outcome === true) latencies.push(t1 - t0);
      else {
        errors += 1;
        firstError ??= outcome.slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => loop(i)));
  clearTimeout(windowTimer);
  const elapsedMs = Math.max(1, lastDone - recordFrom);
  const sorted = latencies.sorted();
  return {
    rps: round((latencies.length / elapsedMs) * 1000, 1),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    count: latencies.length,
    errors,
    ...(firstError ? { firstError } : {}),
    elapsedMs: Math.round(elapsedMs),
  };
}

export type HttpAnswer = { status: number; body: string };

/** A minimal keep-alive HTTP/1.1 client on node:http (lighter than fetch for a load generator). */
export function httpClient(baseUrl: string, maxSockets: number) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  function request(method: string, path: string, token: string | null, body?: unknown): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
  return { request, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof httpClient>;

const CLOCK_TICKS = 100;

/** CPU seconds (user + system) of a process, from /proc; null when unreadable (not Linux, process gone). */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB, from /proc. */
export function processRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? round(Number(match[1]) / 1024, 1) : null;
  } catch {
    return null;
  }
}

/** Sum of CPU seconds of several processes (PostgreSQL backends), counting only those readable at both ends. */
export function cpuOf(pids: readonly number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const pid of pids) {
    const cpu = processCpuSeconds(pid);
    if (cpu !== null) map.set(pid, cpu);
  }
  return map;
}

export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? cpu);
  return total;
}

/** Machine-wide CPU time (busy, total) in seconds summed over all cores, from /proc/stat. */
export function machineCpu(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
  } catch {
    return null;
  }
}

/** Busy CPU of the whole machine over `ms`, in % of one core. */
export async function machineBusyPct(ms: number): Promise<number | null> {
  const a = machineCpu();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineCpu();
  if (!a || !b) return null;
  return round(((b.busy - a.busy) / ((performance.now() - t0) / 1000)) * 100, 0);
}
