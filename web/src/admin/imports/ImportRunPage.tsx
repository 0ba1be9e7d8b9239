// One import run: while it reads, how far it is (bytes, lines, lines per second, polled every
// second); then its report: per kind of record what was added, changed, unchanged and gone, the bad
// lines with their number, the first changes itemised, or why it failed.
import { Alert, Anchor, Breadcrumbs, Button, Group, Loader, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DIRECTORY_RECORD_KINDS, type DirectoryImportReport } from '../../api/types.ts';
import { ScrollableTable } from '../../components/ScrollableTable.tsx';
import { DirectoryError } from '../../directory/DirectoryError.tsx';
import { fr } from '../../i18n/fr.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { useImportRun } from './api.ts';
import { bytesText, durationText, kindText } from './format.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';

const texts = fr.imports.run;
const integer = new Intl.NumberFormat('fr-FR');
const FIRST_PROBLEMS = 50;
const FIRST_CHANGES = 10;

/** Lines per second between two polls while running; over the whole run once finished. */
function useRate(run: DirectoryImportReport): number | null {
  const previous = useRef<{ lines: number; at: number } | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    if (run.status !== 'running') return;
    const now = Date.now();
    const last = previous.current;
    if (last && now > last.at && run.linesRead >= last.lines) setRate(((run.linesRead - last.lines) * 1000) / (now - last.at));
    previous.current = { lines: run.linesRead, at: now };
  }, [run.linesRead, run.status]);
  if (run.status !== 'running' && run.finishedAt) {
    const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
    return ms > 0 ? (run.linesRead * 1000) / ms : null;
  }
  return rate;
}

function Progression({ run }: { run: DirectoryImportReport }) {
  const rate = useRate(run);
  const total = run.bytesTotal ?? 0;
  const share = total > 0 ? Math.min(100, Math.round((run.bytesRead / total) * 100)) : 0;
  const running = run.status === 'running';
  const finished = running ? 100 : share;
  return (
    <Stack gap={6}>
      <Progress.Root size="lg">
        <Progress.Section value={running ? share : finished} animated={running} aria-label={texts.progressLabel} />
      </Progress.Root>
      <Group gap="md" justify="space-between">
        <Text size="sm" fw={600} aria-live="polite">
          {running ? texts.progress(share) : null}
          {running && total > 0 && ` (${texts.bytes(bytesText(run.bytesRead), bytesText(total))})`}
          {!running && texts.lines(run.linesRead)}
        </Text>
        <Text size="sm">
          {running && texts.lines(run.linesRead)}
          {rate !== null && `${running ? ' · ' : ''}${texts.rate(Math.round(rate))}`}
        </Text>
      </Group>
    </Stack>
  );
}

function CountsTable({ run }: { run: DirectoryImportReport }) {
  // the kinds this file holds: an RPPS extraction says nothing of establishments
  const kinds = DIRECTORY_RECORD_KINDS.filter((kind) => {
    const counts = run.counts[kind];
    return counts && counts.added + counts.changed + counts.unchanged + counts.gone > 0;
  });
  if (kinds.length === 0) return <Text size="sm">{texts.noCounts}</Text>;
  const c = texts.columns;
  return (
    <Stack gap={4}>
      <ScrollableTable minWidth={560} label={texts.countsLabel} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{c.kind}</Table.Th>
            <Table.Th scope="col" ta="right">
              {c.added}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {c.changed}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {c.unchanged}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {c.gone}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kinds.map((kind) => {
            const counts = run.counts[kind]!;
            return (
              <Table.Tr key={kind}>
                <Table.Th scope="row" fw={400}>
                  {texts.recordKinds[kind] ?? kind}
                </Table.Th>
                <Table.Td ta="right">{integer.format(counts.added)}</Table.Td>
                <Table.Td ta="right">{integer.format(counts.changed)}</Table.Td>
                <Table.Td ta="right">{integer.format(counts.unchanged)}</Table.Td>
                <Table.Td ta="right">{run.partial ? fr.common.empty : integer.format(counts.gone)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollableTable>
      {run.partial && (
        <Text size="sm" c="dimmed">
          {texts.partialGone}
        </Text>
      )}
    </Stack>
  );
}

function BadLines({ run }: { run: DirectoryImportReport }) {
  const [all, setAll] = useState(false);
  const shown = all ? run.problems : run.problems.slice(0, FIRST_PROBLEMS);
  return (
    <Stack gap="xs" component="section" aria-labelledby="run-bad-lines">
      <Title order={2} size="h4" id="run-bad-lines">
        {texts.badLinesHeading(run.badLines)}
      </Title>
      {run.badLines > 0 && (
        <>
          <Text size="sm">
            {texts.badLinesIntro}
            {run.problems.length < run.badLines && ` ${texts.badLinesKept(run.problems.length)}`}
          </Text>
          <Paper withBorder radius="md" component="ol" aria-label={texts.badLinesLabel} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {shown.map((problem, i) => (
              <Text
                component="li"
                key={`${problem.lineNo}-${i}`}
                size="sm"
                px="md"
                py={6}
                style={{ borderTop: i > 0 ? '1px solid var(--mantine-color-gray-3)' : undefined, wordBreak: 'break-word' }}
              >
                <Text span fw={700} size="sm">
                  {texts.lineNo(problem.lineNo)}
                </Text>{' '}
                {problem.message}
              </Text>
            ))}
          </Paper>
          {run.problems.length > FIRST_PROBLEMS && (
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)}>
                {all ? texts.showLess : texts.showAll(run.problems.length)}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function Changes({ run }: { run: DirectoryImportReport }) {
  const [all, setAll] = useState(false);
  const shown = all ? run.changes : run.changes.slice(0, FIRST_CHANGES);
  const c = texts.changeColumns;
  return (
    <Stack gap="xs" component="section" aria-labelledby="run-changes">
      <Title order={2} size="h4" id="run-changes">
        {texts.changesHeading}
      </Title>
      {run.changes.length === 0 ? (
        <Text size="sm">{texts.noChanges}</Text>
      ) : (
        <>
          <Text size="sm">{texts.changesIntro}</Text>
          <ScrollableTable minWidth={640} label={texts.changesLabel} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{c.change}</Table.Th>
                <Table.Th scope="col">{c.kind}</Table.Th>
                <Table.Th scope="col">{c.identifier}</Table.Th>
                <Table.Th scope="col">{c.label}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((change, i) => (
                <Table.Tr key={`${change.recordKind}-${change.identifier}-${i}`}>
                  <Table.Td>{texts.changes[change.change] ?? change.change}</Table.Td>
                  <Table.Td>{texts.recordKinds[change.recordKind] ?? change.recordKind}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{identifierText(change)}</Table.Td>
                  <Table.Td>{change.label}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollableTable>
          {run.changes.length > FIRST_CHANGES && (
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)}>
                {all ? texts.showLess : texts.showAll(run.changes.length)}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

/** A practice's key is « idNatPs|site|mode|role|skill »: its professional's identifier says enough. */
function identifierText(change: { recordKind: string; identifier: string }): string {
  return change.recordKind === 'activity' ? change.identifier.split('|')[0]! : change.identifier;
}

function RunView({ run }: { run: DirectoryImportReport }) {
  useDocumentTitle(fr.app.title(texts.pageTitle(run.fileName)));
  const running = run.status === 'running';
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={fr.directory.breadcrumb}>
        <Anchor component={Link} to="/admin/imports">
          {texts.back}
        </Anchor>
        <Text aria-current="page" style={{ wordBreak: 'break-all' }}>
          {run.fileName}
        </Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={1} style={{ wordBreak: 'break-word' }}>
            {texts.heading(run.fileName)}
          </Title>
          <ImportStatusBadge status={run.status} size="lg" />
        </Group>
        <Text>{texts.meta(kindText(run.kind), formatDateTime(run.startedAt), run.partial)}</Text>
      </Stack>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Progression run={run} />
          {running && <Text size="sm">{texts.running}</Text>}
          {run.status === 'done' && run.finishedAt && (
            <Text size="sm">{texts.doneIn(durationText(new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()))}</Text>
          )}
          {run.status === 'failed' && (
            <Alert color="red" variant="light" title={texts.failed} role="alert">
              {run.error ? texts.failedReason(run.error) : null}
            </Alert>
          )}
          {run.status === 'interrupted' && (
            <Alert color="orange" variant="light" role="alert">
              {texts.interrupted}
            </Alert>
          )}
        </Stack>
      </Paper>
      {!running && (
        <>
          <Stack gap="xs" component="section" aria-labelledby="run-counts">
            <Title order={2} size="h4" id="run-counts">
              {texts.countsHeading}
            </Title>
            <CountsTable run={run} />
          </Stack>
          <BadLines run={run} />
          <Changes run={run} />
          <Group>
            <Button component={Link} to="/admin/imports" variant="light">
              {texts.newImport}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

export function ImportRunPage() {
  const { importId } = useParams();
  const run = useImportRun(importId);
  if (run.isPending) return <Loader aria-label={fr.common.loading} />;
  if (run.isError) return <DirectoryError error={run.error} />;
  return <RunView run={run.data} />;
}
