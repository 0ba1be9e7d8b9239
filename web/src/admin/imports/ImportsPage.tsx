// « Imports de l'annuaire » (platform administrators): how full and fresh the directory is (the
// MSSanté directory must be less than six months old, indicator 5.2), how complete the offers'
// descriptions are (ROR, indicator 3.2), an extraction to import, and the past runs with their reports.
import { Alert, Anchor, Badge, EmptyState, Grid, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import type { DirectoryImportView, OfferCompleteness } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { mayDo } from '../../auth/rights.ts';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { DirectoryError } from '../../directory/DirectoryError.tsx';
import { useDirectoryStatus } from '../../directory/queries.ts';
import { fr } from '../../i18n/fr.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { useCompleteness, useImports } from './api.ts';
import { mssanteTooOld } from './format.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';
import { UploadForm } from './UploadForm.tsx';

const texts = fr.imports;
const integer = new Intl.NumberFormat('fr-FR');
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const CATEGORY_ORDER = ['mco', 'smr', 'psy', 'had', 'usld', 'medico_social', 'ambulatory', 'other'];

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xl" fw={700}>
        {integer.format(value)}
      </Text>
      <Text size="sm">{label}</Text>
    </div>
  );
}

function DirectoryStatusCard() {
  const status = useDirectoryStatus();
  const s = status.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="imports-status">
      <Title order={2} size="h4" id="imports-status" mb="sm">
        {texts.status.heading}
      </Title>
      {status.isPending && <Loader size="sm" aria-label={fr.common.loading} />}
      {status.isError && <DirectoryError error={status.error} />}
      {s && (
        <Stack gap="sm">
          <SimpleGrid cols={3} spacing="sm">
            <Figure label={texts.status.professionals} value={s.professionals} />
            <Figure label={texts.status.organizations} value={s.organizations} />
            <Figure label={texts.status.mailboxes} value={s.mailboxes} />
          </SimpleGrid>
          <Stack gap={2}>
            {(
              [
                ['rpps', s.rppsRefreshedAt],
                ['finess', s.finessRefreshedAt],
                ['mssante', s.mssanteRefreshedAt],
              ] as const
            ).map(([kind, at]) => (
              <Text size="sm" key={kind}>
                {at ? texts.status.refreshed(texts.kindsShort[kind]!, formatDate(at)) : texts.status.never(texts.kindsShort[kind]!)}
                {kind === 'mssante' && at && !mssanteTooOld(at) && ` ${texts.status.mssanteFresh}`}
              </Text>
            ))}
          </Stack>
          {mssanteTooOld(s.mssanteRefreshedAt) && (
            <Alert color="orange" variant="light" title={texts.status.mssanteOldTitle}>
              {s.mssanteRefreshedAt ? texts.status.mssanteOld(formatDate(s.mssanteRefreshedAt)) : texts.status.mssanteNever}
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function CompletenessTable({ items }: { items: OfferCompleteness[] }) {
  const c = texts.completeness;
  // every category indicator 3.2 sets a target for, even without establishments (it shows what is missing)
  const all = CATEGORY_ORDER.flatMap((category) => {
    const found = items.find((row) => row.category === category);
    if (found) return [found];
    return category === 'other' ? [] : [{ category, establishments: 0, described: 0, complete: 0, share: 0 } as OfferCompleteness];
  });
  const sorted = [...all, ...items.filter((row) => !CATEGORY_ORDER.includes(row.category))];
  const total = sorted.reduce((sum, row) => ({ establishments: sum.establishments + row.establishments, described: sum.described + row.described, complete: sum.complete + row.complete }), {
    establishments: 0,
    described: 0,
    complete: 0,
  });
  const cells = (row: { establishments: number; described: number; complete: number }) => (
    <>
      <Table.Td ta="right">{integer.format(row.establishments)}</Table.Td>
      <Table.Td ta="right">{integer.format(row.described)}</Table.Td>
      <Table.Td ta="right">{integer.format(row.complete)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {row.establishments === 0 ? fr.common.empty : percent.format(row.complete / row.establishments)}
      </Table.Td>
    </>
  );
  return (
    <ScrollableTable minWidth={520} label={c.label} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{c.columns.category}</Table.Th>
          <Table.Th scope="col" ta="right">
            {c.columns.establishments}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {c.columns.described}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {c.columns.complete}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {c.columns.share}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((row) => (
          <Table.Tr key={row.category}>
            <Table.Th scope="row" fw={400}>
              {c.categories[row.category] ?? row.category}
            </Table.Th>
            {cells(row)}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">{c.total}</Table.Th>
          {cells(total)}
        </Table.Tr>
      </Table.Tfoot>
    </ScrollableTable>
  );
}

function Completeness() {
  const completeness = useCompleteness();
  const items = completeness.data?.items ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="imports-completeness">
      <Title order={2} size="h4" id="imports-completeness">
        {texts.completeness.heading}
      </Title>
      <Text size="sm" maw={760}>
        {texts.completeness.intro}
      </Text>
      {completeness.isPending && <Loader size="sm" aria-label={fr.common.loading} />}
      {completeness.isError && <DirectoryError error={completeness.error} />}
      {completeness.isSuccess && items.every((row) => row.establishments === 0) && <Text size="sm">{texts.completeness.empty}</Text>}
      {items.some((row) => row.establishments > 0) && <CompletenessTable items={items} />}
    </Stack>
  );
}

function RunsTable({ runs }: { runs: DirectoryImportView[] }) {
  const r = texts.runs;
  return (
    <ScrollableTable minWidth={760} label={r.label} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{r.columns.startedAt}</Table.Th>
          <Table.Th scope="col">{r.columns.kind}</Table.Th>
          <Table.Th scope="col">{r.columns.file}</Table.Th>
          <Table.Th scope="col">{r.columns.status}</Table.Th>
          <Table.Th scope="col" ta="right">
            {r.columns.lines}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {r.columns.badLines}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={run.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor component={Link} to={`/admin/imports/${run.id}`} aria-label={r.seeLabel(run.fileName, formatDateTime(run.startedAt))}>
                {formatDateTime(run.startedAt)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {texts.kindsShort[run.kind] ?? run.kind}
              {run.partial && (
                <Badge ml={6} variant="outline" color="gray" size="sm">
                  {r.partial}
                </Badge>
              )}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{run.fileName}</Table.Td>
            <Table.Td>
              <ImportStatusBadge status={run.status} />
            </Table.Td>
            <Table.Td ta="right">{integer.format(run.linesRead)}</Table.Td>
            <Table.Td ta="right">{integer.format(run.badLines)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollableTable>
  );
}

function PastRuns() {
  const runs = useImports();
  const items = runs.data?.items ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="imports-runs">
      <Title order={2} size="h4" id="imports-runs">
        {texts.runs.heading}
      </Title>
      {runs.isPending && <Loader size="sm" aria-label={fr.common.loading} />}
      {runs.isError && <DirectoryError error={runs.error} />}
      {runs.isSuccess && items.length === 0 && <EmptyState title={texts.runs.empty} />}
      {items.length > 0 && <RunsTable runs={items} />}
    </Stack>
  );
}

export function ImportsPage() {
  useDocumentTitle(fr.app.title(texts.pageTitle));
  const me = useCurrentUser();
  if (!mayDo(me, 'directory.import')) {
    return (
      <Alert color="red" variant="light" title={fr.common.accessDenied} role="alert">
        {texts.errors['access.directory.import']}
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{texts.heading}</Title>
        <Text maw={820}>{texts.intro}</Text>
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="imports-upload">
            <Title order={2} size="h4" id="imports-upload" mb="sm">
              {texts.upload.heading}
            </Title>
            <UploadForm />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <DirectoryStatusCard />
            <Completeness />
          </Stack>
        </Grid.Col>
      </Grid>
      <PastRuns />
    </Stack>
  );
}
