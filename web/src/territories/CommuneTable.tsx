// The communes of a territory, by name, with their population; a filter once the list is long, and a
// remove button on each row when the territory is being edited.
import { Button, EmptyState, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TerritoryCommune } from '../api/types.ts';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { fr } from '../i18n/fr.ts';
import { normalise } from './communes.ts';

const texts = fr.territories.table;
const FILTER_FROM = 12;
const NARROW = { width: '1%', whiteSpace: 'nowrap' } as const;

function matches(commune: TerritoryCommune, filter: string): boolean {
  if (!filter) return true;
  if (/^\d/.test(filter)) return commune.insee.startsWith(filter) || commune.postalCodes.some((code) => code.startsWith(filter));
  return normalise(commune.name).includes(filter);
}

type Props = { communes: TerritoryCommune[]; onRemove?: ((commune: TerritoryCommune) => void) | undefined; emptyText: string };

export function CommuneTable({ communes, onRemove, emptyText }: Props) {
  const [filter, setFilter] = useState('');
  const wanted = normalise(filter);
  const shown = communes.filter((commune) => matches(commune, wanted));
  if (communes.length === 0) return <EmptyState title={texts.emptyTitle} description={emptyText} />;
  return (
    <Stack gap="xs">
      {communes.length >= FILTER_FROM && (
        <TextInput label={texts.filter} description={texts.filterHelp} type="search" value={filter} onChange={(event) => setFilter(event.currentTarget.value)} />
      )}
      {wanted && (
        <Text size="sm" role="status">
          {shown.length === 0 ? texts.noFilterMatch : texts.shown(shown.length, communes.length)}
        </Text>
      )}
      {shown.length > 0 && (
        <ScrollableTable minWidth={300} striped verticalSpacing="xs" label={texts.label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{texts.columns.commune}</Table.Th>
              {/* Narrow number and button columns leave the width to the names. */}
              <Table.Th scope="col" ta="right" style={NARROW}>
                {texts.columns.population}
              </Table.Th>
              {onRemove && (
                <Table.Th scope="col" ta="right" style={NARROW}>
                  {texts.columns.actions}
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((commune) => (
              <Table.Tr key={commune.insee}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {commune.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {commune.postalCodes.slice(0, 3).join(', ')}
                    {/* The INSEE code matters to whoever checks a list against INSEE's; on a phone, the name and postal code say enough. */}
                    <Text span inherit visibleFrom="sm">
                      {`${commune.postalCodes.length > 0 ? ' · ' : ''}INSEE\u00a0${commune.insee}`}
                    </Text>
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {fr.territories.integer(commune.population)}
                </Table.Td>
                {onRemove && (
                  <Table.Td ta="right">
                    <Button variant="default" size="xs" aria-label={texts.removeLabel(commune.name)} onClick={() => onRemove(commune)}>
                      {texts.remove}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollableTable>
      )}
    </Stack>
  );
}
