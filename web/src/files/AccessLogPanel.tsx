// Qui a consulté ce dossier: every read and write of the file, for its coordinators.
import { EmptyState, Loader, Table } from '@mantine/core';
import type { MembershipRole } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDateTime } from '../lib/dates.ts';
import { personWithProfession } from '../lib/names.ts';
import { useAccessLog } from './api.ts';

const texts = fr.accessLog;

function roleLabel(role: string | null): string {
  if (!role) return fr.common.empty;
  return fr.roles.membership[role as MembershipRole] ?? role;
}

export function AccessLogPanel({ fileId }: { fileId: string }) {
  const log = useAccessLog(fileId);
  if (log.isPending) return <Loader aria-label={fr.common.loading} />;
  if (log.isError) return <ErrorAlert error={log.error} />;
  if (log.data.items.length === 0) return <EmptyState title={texts.emptyTitle} description={texts.emptyText} />;
  return (
    <ScrollableTable minWidth={520} striped label={texts.label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.columns.at}</Table.Th>
          <Table.Th scope="col">{texts.columns.actor}</Table.Th>
          <Table.Th scope="col">{texts.columns.role}</Table.Th>
          <Table.Th scope="col">{texts.columns.action}</Table.Th>
          <Table.Th scope="col">{texts.columns.outcome}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {log.data.items.map((entry, index) => (
          <Table.Tr key={`${entry.at}-${index}`}>
            <Table.Td>{formatDateTime(entry.at)}</Table.Td>
            <Table.Td>{entry.actor ? personWithProfession(entry.actor) : texts.system}</Table.Td>
            <Table.Td>{roleLabel(entry.role)}</Table.Td>
            <Table.Td>{texts.actions[entry.action] ?? entry.action}</Table.Td>
            <Table.Td>{texts.outcomes[entry.outcome] ?? entry.outcome}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollableTable>
  );
}
