// Administration (platform admins): people and their memberships, structures.
import { Button, EmptyState, Group, Loader, Stack, Table, Tabs, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { useStructures } from '../directory/api.ts';
import { fr } from '../i18n/fr.ts';
import { personName } from '../lib/names.ts';
import { useAdminPeople } from './api.ts';
import { CreatePersonModal } from './CreatePersonModal.tsx';
import { CreateStructureModal } from './CreateStructureModal.tsx';

const people = fr.admin.people;
const structures = fr.admin.structures;

function PeopleTable({ q }: { q: string }) {
  const result = useAdminPeople(q);
  if (result.isPending) return <Loader aria-label={fr.common.loading} />;
  if (result.isError) return <ErrorAlert error={result.error} />;
  if (result.data.items.length === 0) return <EmptyState title={people.emptyTitle} description={people.emptyText} />;
  return (
    <ScrollableTable minWidth={640} striped label={fr.admin.tabs.people}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{people.columns.name}</Table.Th>
          <Table.Th scope="col">{people.columns.email}</Table.Th>
          <Table.Th scope="col">{people.columns.profession}</Table.Th>
          <Table.Th scope="col">{people.columns.memberships}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {result.data.items.map((person) => (
          <Table.Tr key={person.id}>
            <Table.Td>{personName(person)}</Table.Td>
            <Table.Td>{person.email ?? fr.common.empty}</Table.Td>
            <Table.Td>{person.profession ?? fr.common.empty}</Table.Td>
            <Table.Td>
              {(person.memberships ?? []).map((membership) => (
                <div key={membership.id}>{fr.header.acting(membership.role, membership.structureName)}</div>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollableTable>
  );
}

function PeopleTab() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <TextInput
          label={people.search}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        <Button onClick={open}>{people.create}</Button>
      </Group>
      <PeopleTable q={q} />
      <CreatePersonModal opened={creating} onClose={close} />
    </Stack>
  );
}

function StructuresTab() {
  const result = useStructures();
  const [creating, { open, close }] = useDisclosure(false);
  const items = result.data?.items ?? [];
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={open}>{structures.create}</Button>
      </Group>
      {result.isPending && <Loader aria-label={fr.common.loading} />}
      {result.isError && <ErrorAlert error={result.error} />}
      {result.isSuccess && items.length === 0 && <EmptyState title={structures.emptyTitle} description={structures.emptyText} />}
      {items.length > 0 && (
        <ScrollableTable minWidth={480} striped label={fr.admin.tabs.structures}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{structures.columns.name}</Table.Th>
              <Table.Th scope="col">{structures.columns.kind}</Table.Th>
              <Table.Th scope="col">{structures.columns.commune}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((structure) => (
              <Table.Tr key={structure.id}>
                <Table.Td>{structure.name}</Table.Td>
                <Table.Td>{fr.admin.kinds[structure.kind] ?? structure.kind}</Table.Td>
                <Table.Td>{structure.communeName ?? fr.common.empty}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollableTable>
      )}
      <CreateStructureModal opened={creating} onClose={close} />
    </Stack>
  );
}

export function AdminPage() {
  useDocumentTitle(fr.app.title(fr.admin.pageTitle));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{fr.admin.heading}</Title>
        <Button component={Link} to="/admin/imports" variant="light">
          {fr.imports.adminLink}
        </Button>
      </Group>
      <Tabs defaultValue="people">
        <Tabs.List>
          <Tabs.Tab value="people">{fr.admin.tabs.people}</Tabs.Tab>
          <Tabs.Tab value="structures">{fr.admin.tabs.structures}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="people" pt="md">
          <PeopleTab />
        </Tabs.Panel>
        <Tabs.Panel value="structures" pt="md">
          <StructuresTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
