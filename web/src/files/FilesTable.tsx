// A table of coordination files; each row links to its file. Without `showPatient`, for one patient's page.
import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { FileSummary } from '../api/types.ts';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { fr } from '../i18n/fr.ts';
import { formatBirthDate, formatDate } from '../lib/dates.ts';
import { patientName, personName } from '../lib/names.ts';
import { FileStatusBadge } from './FileStatusBadge.tsx';

const columns = fr.files.columns;

export function FilesTable({ files, showPatient, label }: { files: FileSummary[]; showPatient: boolean; label: string }) {
  return (
    <ScrollableTable minWidth={640} striped highlightOnHover label={label}>
      <Table.Thead>
        <Table.Tr>
          {showPatient && <Table.Th scope="col">{columns.patient}</Table.Th>}
          {showPatient && <Table.Th scope="col">{columns.birthDate}</Table.Th>}
          <Table.Th scope="col">{columns.structure}</Table.Th>
          {!showPatient && <Table.Th scope="col">{columns.openedAt}</Table.Th>}
          <Table.Th scope="col">{columns.referent}</Table.Th>
          <Table.Th scope="col">{columns.status}</Table.Th>
          <Table.Th scope="col">{columns.lastActivity}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {files.map((file) => {
          const link = (
            <Anchor component={Link} to={`/files/${file.id}`} fw={600}>
              {showPatient ? patientName(file.patient) : file.structure.name}
            </Anchor>
          );
          return (
            <Table.Tr key={file.id}>
              {showPatient && <Table.Td>{link}</Table.Td>}
              {showPatient && <Table.Td>{formatBirthDate(file.patient.birthDate)}</Table.Td>}
              <Table.Td>{showPatient ? file.structure.name : link}</Table.Td>
              {!showPatient && <Table.Td>{formatDate(file.openedAt)}</Table.Td>}
              <Table.Td>{file.referent ? personName(file.referent) : fr.common.empty}</Table.Td>
              <Table.Td>
                <FileStatusBadge status={file.status} />
              </Table.Td>
              <Table.Td>{file.lastJournalAt ? <RelativeTime iso={file.lastJournalAt} /> : fr.files.noActivity}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollableTable>
  );
}
