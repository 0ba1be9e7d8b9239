// Who a session or token belongs to, remembered for a few seconds: resolving it costs three queries
// on every request otherwise. Changes made on this node (logout, revocation, switching membership,
// second factor) forget the entry at once; on other nodes it lapses within CALLER_TTL_MS.
export const CALLER_TTL_MS = 15_000;
const MAX_ENTRIES = 20_000;

export class CallerCache<T> {
  readonly #entries = new Map<string, { value: T; expiresAt: number }>();

  get(key: string, now: number): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, now: number): void {
    // A map keeps insertion order: dropping the first key drops the oldest entry.
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { value, expiresAt: now + CALLER_TTL_MS });
  }

  forget(predicate: (key: string, value: T) => boolean): void {
    for (const [key, entry] of this.#entries) if (predicate(key, entry.value)) this.#entries.delete(key);
  }
}
