// Fans committed events out to the browsers that watch a file (SSE). Every node LISTENs on the same
// channel, so a write on one node refreshes a page served by another.
import type { Database } from '../db/connect.ts';
import { EVENTS_CHANNEL, type LiveSignal } from './outbox.ts';

export type LiveListener = (signal: LiveSignal) => void;

export type LiveHub = {
  watchFile(fileId: string, listener: LiveListener): () => void;
  close(): Promise<void>;
};

export async function startLiveHub(database: Database): Promise<LiveHub> {
  const watchers = new Map<string, Set<LiveListener>>();
  const stop = await database.listen(EVENTS_CHANNEL, (payload) => {
    const signal = JSON.parse(payload) as LiveSignal;
    if (!signal.fileId) return;
    for (const listener of watchers.get(signal.fileId) ?? []) listener(signal);
  });
  return {
    watchFile(fileId, listener) {
      const set = watchers.get(fileId) ?? new Set();
      set.add(listener);
      watchers.set(fileId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) watchers.delete(fileId);
      };
    },
    close: stop,
  };
}
