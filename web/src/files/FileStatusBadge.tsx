import { Badge } from '@mantine/core';
import type { FileStatus } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';

export function FileStatusBadge({ status }: { status: FileStatus }) {
  return (
    <Badge color={status === 'open' ? 'teal.9' : status === 'suspended' ? '#a33a00' : 'gray.7'} variant="filled">
      {fr.files.status[status]}
    </Badge>
  );
}
