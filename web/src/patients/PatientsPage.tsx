// Patients (coordinators): search by name and birth date; create the patient when the search finds nobody.
// The search lives in the URL so the header's quick search and the back button land on the same results.
import { Anchor, Button, EmptyState, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PatientSummary } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { IdentityBadge } from '../identity/badges.tsx';
import { MIN_SEARCH_LENGTH } from '../directory/api.ts';
import { fr } from '../i18n/fr.ts';
import { formatBirthDate, todayInParis } from '../lib/dates.ts';
import { patientName } from '../lib/names.ts';
import { notifySuccess } from '../lib/notify.ts';
import { usePatientSearch, type PatientSearch } from './api.ts';
import { PatientForm } from './PatientForm.tsx';
import type { PatientFormValues } from './schema.ts';

const columns = fr.patients.columns;

function PatientsTable({ patients }: { patients: PatientSummary[] }) {
  return (
    <ScrollableTable minWidth={600} striped highlightOnHover label={fr.patients.resultsLabel}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{columns.name}</Table.Th>
          <Table.Th scope="col">{columns.birthDate}</Table.Th>
          <Table.Th scope="col">{columns.sex}</Table.Th>
          <Table.Th scope="col">{columns.commune}</Table.Th>
          <Table.Th scope="col">{columns.identity}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {patients.map((patient) => (
          <Table.Tr key={patient.id}>
            <Table.Td>
              <Anchor component={Link} to={`/patients/${patient.id}`} fw={600}>
                {patientName(patient)}
              </Anchor>
              {patient.usedName && <Text size="sm">{fr.patients.banner.usedName(patient.usedName.toUpperCase())}</Text>}
            </Table.Td>
            <Table.Td>{formatBirthDate(patient.birthDate)}</Table.Td>
            <Table.Td>{fr.patients.sex[patient.sex]}</Table.Td>
            <Table.Td>{patient.communeName ?? fr.common.empty}</Table.Td>
            <Table.Td>
              <IdentityBadge status={patient.identityStatus} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollableTable>
  );
}

function SearchResults({ search, onCreate }: { search: PatientSearch; onCreate: () => void }) {
  const results = usePatientSearch(search);
  const createButton = <Button onClick={onCreate}>{fr.patients.create}</Button>;
  if (search.q.length < MIN_SEARCH_LENGTH) return <Text>{fr.patients.searchHint}</Text>;
  if (results.isPending) return <Loader aria-label={fr.common.loading} />;
  if (results.isError) return <ErrorAlert error={results.error} />;
  const patients = results.data.items;
  if (patients.length === 0) {
    return (
      <EmptyState title={fr.patients.notFoundTitle(search.q)} description={fr.patients.notFoundText} role="status">
        <EmptyState.Actions>{createButton}</EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <Stack>
      <Text role="status" fw={600}>
        {fr.patients.results(patients.length)}
      </Text>
      <PatientsTable patients={patients} />
      <Group>
        <Text>{fr.patients.notInList}</Text>
        {createButton}
      </Group>
    </Stack>
  );
}

/** What the search already says about the new patient: « dupont marie » gives the birth name and first name. */
function fromSearch(q: string, birthDate: string): Partial<PatientFormValues> {
  const [birthName = '', ...given] = q.trim().split(/\s+/);
  return { birthName: birthName.toUpperCase(), givenName: given.join(' '), birthDate };
}

export function PatientsPage() {
  useDocumentTitle(fr.app.title(fr.patients.pageTitle));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const q = params.get('q') ?? '';
  const birthDate = params.get('birthDate') ?? '';
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);

  const setParam = (key: 'q' | 'birthDate', value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack>
      <div>
        <Title order={1}>{fr.patients.heading}</Title>
        <Text>{fr.patients.intro}</Text>
      </div>
      <Group align="flex-start" role="search" aria-label={fr.patients.searchLabel}>
        <TextInput
          label={fr.patients.search}
          description={fr.patients.searchHelp}
          type="search"
          value={q}
          onChange={(event) => setParam('q', event.currentTarget.value)}
          w={{ base: '100%', sm: 360 }}
        />
        <TextInput
          label={fr.patients.birthDateFilter}
          description={fr.patients.birthDateFilterHelp}
          type="date"
          max={todayInParis()}
          value={birthDate}
          onChange={(event) => setParam('birthDate', event.currentTarget.value)}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      {creating ? (
        <PatientForm
          mode="create"
          initialValues={fromSearch(q, birthDate)}
          onCancel={() => setCreating(false)}
          onSaved={(patient) => {
            notifySuccess(fr.patients.created);
            navigate(`/patients/${patient.id}`);
          }}
        />
      ) : (
        <SearchResults search={{ q: debouncedQ, birthDate }} onCreate={() => setCreating(true)} />
      )}
    </Stack>
  );
}
