// The state of an import run in words, with a colour as a second cue (shades dark enough for 4.5:1 under white text).
import { Badge } from '@mantine/core';
import { fr } from '../../i18n/fr.ts';

const COLORS: Record<string, string> = { running: 'blue.9', done: '#24753a', failed: 'red.9', interrupted: '#b03a0c' };

export function ImportStatusBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={COLORS[status] ?? 'gray.7'} variant="filled" size={size}>
      {fr.imports.statuses[status] ?? status}
    </Badge>
  );
}
