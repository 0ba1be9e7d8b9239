// The demo's INSi: the local INSi TEST PEER (src/insi/test-peer.ts) answering from a register derived from
// the demo region when it was loaded. The register is written to the data directory then, because the
// demo's birth dates are computed from the loading day and must stay those INSi knows.
import fs from 'node:fs';
import path from 'node:path';
import { startInsiTestPeer, type InsiRegisterEntry, type InsiTestPeer } from '#src/insi/test-peer.ts';
import { buildDemoInsiRegister } from './insi-register.ts';
import type { DemoRegion } from './types.ts';

const REGISTER_FILE = 'insi-demo-register.json';

export function writeDemoInsiRegister(dataDir: string, region: DemoRegion): InsiRegisterEntry[] {
  const register = buildDemoInsiRegister(region);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, REGISTER_FILE), JSON.stringify(register, null, 1));
  return register;
}

/** Starts the peer on an ephemeral local port; an empty register when the demo was never loaded here. */
export async function startDemoInsiPeer(dataDir: string): Promise<InsiTestPeer> {
  const file = path.join(dataDir, REGISTER_FILE);
  const register: InsiRegisterEntry[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
  return startInsiTestPeer({ register, host: '127.0.0.1' });
}
