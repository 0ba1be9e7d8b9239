// « Ruptures de parcours »: the structure's register — filters (period, kind, cause, territory), counts
// by kind, the list, the CSV export and « Signaler une rupture ».
import { Anchor, Button, EmptyState, Group, Loader, NativeSelect, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { useTerritories } from '../territories/api.ts';
import { exportUrl, useBreakdowns, type BreakdownFilter } from './api.ts';
import { BreakdownModal } from './BreakdownModal.tsx';

const b = fr.breakdowns;
const p = b.page;
const KEYS = ['from', 'to', 'kind', 'cause', 'territoryId'] as const;

function Filters({ filter, set }: { filter: BreakdownFilter; set: (key: (typeof KEYS)[number], value: string) => void }) {
  const territories = useTerritories();
  const all = { value: '', label: p.all };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={p.filters}>
      <TextInput type="date" label={p.from} value={filter.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} w={{ base: '100%', xs: 160 }} />
      <TextInput type="date" label={p.to} value={filter.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} w={{ base: '100%', xs: 160 }} />
      <NativeSelect label={p.kind} value={filter.kind ?? ''} onChange={(e) => set('kind', e.currentTarget.value)} data={[all, ...Object.entries(b.kinds).map(([value, label]) => ({ value, label }))]} w={{ base: '100%', xs: 260 }} />
      <NativeSelect label={p.cause} value={filter.cause ?? ''} onChange={(e) => set('cause', e.currentTarget.value)} data={[all, ...Object.entries(b.causes).map(([value, label]) => ({ value, label }))]} w={{ base: '100%', xs: 240 }} />
      <NativeSelect
        label={p.territory}
        value={filter.territoryId ?? ''}
        onChange={(e) => set('territoryId', e.currentTarget.value)}
        data={[all, ...(territories.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))]}
        w={{ base: '100%', xs: 260 }}
      />
    </Group>
  );
}

export function BreakdownsPage() {
  useDocumentTitle(fr.app.title(p.pageTitle));
  const [params, setParams] = useSearchParams();
  const filter: BreakdownFilter = Object.fromEntries(KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const set = (key: string, value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });
  const list = useBreakdowns(filter);
  const [recording, { open, close }] = useDisclosure(false);
  const max = Math.max(1, ...(list.data?.byKind.map((k) => k.count) ?? []));
  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{p.heading}</Title>
          <Text>{p.intro}</Text>
        </div>
        <Group gap="xs">
          <Button variant="outline" component="a" href={exportUrl(filter)} download title={p.exportHelp}>
            {p.export}
          </Button>
          <Button onClick={open}>{p.record}</Button>
        </Group>
      </Group>
      <Filters filter={filter} set={set} />
      {list.isPending ? (
        <Loader aria-label={fr.common.loading} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <EmptyState title={p.emptyTitle} description={p.emptyText} align="left" />
        </Paper>
      ) : (
        <>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="xs">
              {p.byKind} — {p.count(list.data.items.length)}
            </Title>
            <Stack gap={6}>
              {list.data.byKind.map((k) => (
                <div key={k.key}>
                  <Text size="sm">
                    {b.kinds[k.key] ?? k.key} : <strong>{k.count}</strong>
                  </Text>
                  <Progress value={(k.count / max) * 100} aria-hidden color="blue.9" size="sm" />
                </div>
              ))}
            </Stack>
          </Paper>
          <ScrollableTable label={p.listLabel} minWidth={900} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{p.columns.date}</Table.Th>
                  <Table.Th>{p.columns.kind}</Table.Th>
                  <Table.Th>{p.columns.cause}</Table.Th>
                  <Table.Th>{p.columns.consequence}</Table.Th>
                  <Table.Th>{p.columns.commune}</Table.Th>
                  <Table.Th>{p.columns.structures}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{formatDate(item.occurredOn)}</Table.Td>
                    <Table.Td>
                      {b.kinds[item.kind] ?? item.kind}
                      {item.fileId && (
                        <>
                          <br />
                          <Anchor component={Link} to={`/files/${item.fileId}`} size="sm">
                            {p.fromFile}
                          </Anchor>
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>{b.causes[item.cause] ?? item.cause}</Table.Td>
                    <Table.Td>{b.consequences[item.consequence] ?? item.consequence}</Table.Td>
                    <Table.Td>{item.commune?.name ?? '—'}</Table.Td>
                    <Table.Td>{item.structuresInvolved.join(', ') || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
          </ScrollableTable>
        </>
      )}
      <BreakdownModal opened={recording} onClose={close} />
    </Stack>
  );
}
