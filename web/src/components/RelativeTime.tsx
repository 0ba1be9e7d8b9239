// « il y a 5 min », with the exact date and time on hover or focus; refreshed every minute.
import { Tooltip } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { formatDateTime, formatRelative } from '../lib/dates.ts';

// One shared minute clock for every RelativeTime on the page.
let now = Date.now();
const listeners = new Set<() => void>();
setInterval(() => {
  now = Date.now();
  for (const listener of listeners) listener();
}, 60_000);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function RelativeTime({ iso }: { iso: string }) {
  useSyncExternalStore(subscribe, () => now);
  return (
    <Tooltip label={formatDateTime(iso)} events={{ hover: true, focus: true, touch: true }} withArrow>
      <time dateTime={iso}>{formatRelative(iso)}</time>
    </Tooltip>
  );
}
