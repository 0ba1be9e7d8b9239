// Qui a consulté ce dossier: the file's audit trail as visits (who, when, what), for its coordinators.
import { Badge, EmptyState, Loader, Stack, Table, Text } from '@mantine/core';
import type { AccessKind, AccessLogEntry, MembershipRole } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate, formatTime } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';
import { useAccessLog } from './api.ts';

const texts = fr.accessLog;
const KIND_COLOURS: Record<AccessKind, string> = { consultation: 'gray', change: 'blue', refused: 'red' };

function roleLabel(role: string | null): string | null {
  return role ? (fr.roles.membership[role as MembershipRole] ?? role) : null;
}

function When({ entry }: { entry: AccessLogEntry }) {
  const from = formatTime(entry.firstAt);
  const to = formatTime(entry.lastAt);
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDate(entry.lastAt)}</Text>
      <Text size="sm" c="dimmed">
        {from === to ? to : texts.between(from, to)}
      </Text>
    </Stack>
  );
}

function Who({ entry }: { entry: AccessLogEntry }) {
  if (!entry.actor) return <Text size="sm">{texts.system}</Text>;
  const details = [entry.actor.profession, roleLabel(entry.role)].filter(Boolean).join(' · ');
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {personName(entry.actor)}
      </Text>
      <Text size="sm" c="dimmed">
        {details}
      </Text>
    </Stack>
  );
}

function What({ entry }: { entry: AccessLogEntry }) {
  return (
    <Stack gap={4} align="flex-start">
      {/* The badge carries words, not only a colour. */}
      <Badge color={KIND_COLOURS[entry.kind]} variant="light">
        {texts.kinds[entry.kind]}
      </Badge>
      <Text size="sm">{[...new Set(entry.actions.map((action) => texts.actions[action] ?? action))].join(', ')}</Text>
    </Stack>
  );
}

export function AccessLogPanel({ fileId }: { fileId: string }) {
  const log = useAccessLog(fileId);
  if (log.isPending) return <Loader aria-label={fr.common.loading} />;
  if (log.isError) return <ErrorAlert error={log.error} />;
  if (log.data.items.length === 0) return <EmptyState title={texts.emptyTitle} description={texts.emptyText} />;
  return (
    <ScrollableTable minWidth={420} striped label={texts.label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.columns.at}</Table.Th>
          <Table.Th scope="col">{texts.columns.actor}</Table.Th>
          <Table.Th scope="col">{texts.columns.what}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {log.data.items.map((entry) => (
          <Table.Tr key={`${entry.lastAt}-${entry.actor?.id ?? 'system'}-${entry.kind}`}>
            <Table.Td>
              <When entry={entry} />
            </Table.Td>
            <Table.Td>
              <Who entry={entry} />
            </Table.Td>
            <Table.Td>
              <What entry={entry} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollableTable>
  );
}
