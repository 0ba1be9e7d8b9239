// UUID v7 (time-ordered) generated in the application: PostgreSQL 15 has no uuidv7(), and ordered ids
// keep indexes compact. Ids made in the same millisecond by this process stay in creation order
// (RFC 9562 §6.2, method 1: a 12-bit counter in rand_a), so events of one transaction sort as written.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function newId(now = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    counter += 1;
    if (counter > 0xfff) {
      ms = lastMs + 1;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
