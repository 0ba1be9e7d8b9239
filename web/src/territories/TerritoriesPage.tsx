// Territories: the communes each DAC or CPTS serves, with their population. Everyone reads them;
// administrators (of the platform, or of the structure) create and edit them.
import { Anchor, Button, EmptyState, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import type { TerritorySummary } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { fr } from '../i18n/fr.ts';
import { useTerritories } from './api.ts';

const texts = fr.territories;
// Number columns as narrow as their figures: the width goes to the names.
const NARROW = { width: '1%', whiteSpace: 'nowrap' } as const;

function TerritoriesTable({ items }: { items: TerritorySummary[] }) {
  return (
    <ScrollableTable minWidth={320} striped highlightOnHover label={texts.listLabel}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.columns.name}</Table.Th>
          <Table.Th scope="col" visibleFrom="sm">
            {texts.columns.kind}
          </Table.Th>
          <Table.Th scope="col" visibleFrom="sm">
            {texts.columns.structure}
          </Table.Th>
          <Table.Th scope="col" ta="right" style={NARROW}>
            {texts.columns.communes}
          </Table.Th>
          <Table.Th scope="col" ta="right" style={NARROW}>
            {texts.columns.population}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((territory) => (
          <Table.Tr key={territory.id}>
            <Table.Td>
              <Anchor component={Link} to={`/territories/${territory.id}`} fw={600}>
                {territory.name}
              </Anchor>
              {/* On a phone, type and structure under the name rather than in columns out of sight. */}
              <Text size="sm" hiddenFrom="sm">
                {[texts.kinds[territory.kind] ?? territory.kind, territory.structureName ?? texts.noStructure].join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td visibleFrom="sm">{texts.kinds[territory.kind] ?? territory.kind}</Table.Td>
            <Table.Td visibleFrom="sm">{territory.structureName ?? texts.noStructure}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {texts.integer(territory.communeCount)}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {texts.integer(territory.population)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollableTable>
  );
}

export function TerritoriesPage() {
  useDocumentTitle(fr.app.title(texts.pageTitle));
  const me = useCurrentUser();
  const territories = useTerritories();
  const mayCreate = mayDo(me, 'territory.manage');
  const createButton = (label: string) => (
    <Button component={Link} to="/territories/new">
      {label}
    </Button>
  );
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{texts.heading}</Title>
          <Text maw={720}>{texts.intro}</Text>
        </div>
        {mayCreate && territories.isSuccess && territories.data.items.length > 0 && createButton(texts.create)}
      </Group>
      {territories.isPending && <Loader aria-label={fr.common.loading} />}
      {territories.isError && <ErrorAlert error={territories.error} />}
      {territories.isSuccess && territories.data.items.length === 0 && (
        <EmptyState title={texts.emptyTitle} description={mayCreate ? texts.emptyText : texts.emptyTextReader}>
          {mayCreate && <EmptyState.Actions>{createButton(texts.createFirst)}</EmptyState.Actions>}
        </EmptyState>
      )}
      {territories.isSuccess && territories.data.items.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{texts.count(territories.data.items.length)}</Text>
          <TerritoriesTable items={territories.data.items} />
        </Stack>
      )}
    </Stack>
  );
}
