// One entry of the vigilance queue: a possible duplicate (two records compared side by side, the
// differences marked) or a possible collision (one record), why it was raised, and the referent's
// decisions: merge the two records, or dismiss with a reason.
import { Anchor, Badge, Box, Button, Group, Paper, Radio, Stack, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { PatientSummary, PatientView, Suspicion } from '../api/types.ts';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { fr } from '../i18n/fr.ts';
import { formatBirthDate, formatDate, formatDateTime } from '../lib/dates.ts';
import { patientName, personName } from '../lib/names.ts';
import { notifySuccess } from '../lib/notify.ts';
import { patientKeys } from '../patients/api.ts';
import { useDismissSuspicion, useMergePatients } from './api.ts';
import { IdentityBadge } from './badges.tsx';
import { isVeryLikely, likeness, reasonsText, statusRank } from './format.ts';
import { birthplaceText, IdentityTraits } from './IdentityTraits.tsx';

const texts = fr.vigilance;
const traitLabels = fr.identity.traits;

/** A record as the queue knows it (summary), completed by its full identity once read. */
type QueueRecord = PatientSummary & Partial<PatientView>;

function useRecords(patients: PatientSummary[]): QueueRecord[] {
  const views = useQueries({
    queries: patients.map((patient) => ({
      queryKey: patientKeys.detail(patient.id),
      queryFn: () => api.get<PatientView>(`/api/patients/${patient.id}`),
    })),
  });
  return patients.map((patient, i) => ({ ...patient, ...(views[i]?.data ?? {}) }));
}

function recordName(patient: PatientSummary): string {
  return `${patientName(patient)} (${formatBirthDate(patient.birthDate)})`;
}

type Row = { label: string; values: React.ReactNode[]; compare?: string[] };

function comparable(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

function rowsOf(records: QueueRecord[]): Row[] {
  const text = (get: (record: QueueRecord) => string | null | undefined): Pick<Row, 'values' | 'compare'> => {
    const values = records.map((record) => get(record) || traitLabels.notGiven);
    return { values, compare: values };
  };
  return [
    { label: traitLabels.birthName, ...text((r) => r.birthName.toUpperCase()) },
    { label: traitLabels.usedName, ...text((r) => r.usedName?.toUpperCase()) },
    { label: traitLabels.birthGivenNames, ...text((r) => r.birthGivenNames || r.givenName) },
    { label: traitLabels.usedGivenName, ...text((r) => r.usedGivenName) },
    { label: traitLabels.birthDate, ...text((r) => formatBirthDate(r.birthDate)) },
    { label: traitLabels.sex, ...text((r) => fr.patients.sex[r.sex]) },
    { label: traitLabels.birthplace, ...text((r) => (r.birthplaceInsee !== undefined ? birthplaceText({ birthplaceName: r.birthplaceName ?? null, birthplaceInsee: r.birthplaceInsee ?? null }) : null)) },
    { label: traitLabels.commune, ...text((r) => r.communeName) },
    { label: traitLabels.status, values: records.map((r) => <IdentityBadge key={r.id} status={r.identityStatus} size="md" />) },
    { label: traitLabels.createdAt, values: records.map((r) => (r.createdAt ? formatDate(r.createdAt) : traitLabels.notGiven)) },
  ];
}

function differs(row: Row): boolean {
  if (!row.compare) return false;
  return new Set(row.compare.map(comparable)).size > 1;
}

function DiffersBadge() {
  return (
    <Badge color="#b03a0c" variant="filled" size="sm">
      {texts.differs}
    </Badge>
  );
}

function ComparisonTable({ records, rows }: { records: QueueRecord[]; rows: Row[] }) {
  return (
    <ScrollableTable minWidth={560} label={texts.compareLabel} withColumnBorders>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.trait}</Table.Th>
          {records.map((record, i) => (
            <Table.Th scope="col" key={record.id}>
              <Text size="xs" c="dimmed" fw={400}>
                {texts.record(i + 1)}
              </Text>
              <Anchor component={Link} to={`/patients/${record.id}`} fw={700}>
                {patientName(record)}
              </Anchor>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const different = differs(row);
          return (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={600}>
                <Group gap={6}>
                  <span>{row.label}</span>
                  {different && <DiffersBadge />}
                </Group>
              </Table.Th>
              {row.values.map((value, i) => (
                <Table.Td key={records[i]!.id} bg={different ? 'yellow.1' : undefined} fw={different ? 700 : undefined}>
                  {value}
                </Table.Td>
              ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollableTable>
  );
}

/** On a phone, the two records one under the other for each trait: no sideways scrolling. */
function ComparisonList({ records, rows }: { records: QueueRecord[]; rows: Row[] }) {
  return (
    <Stack gap="xs">
      {records.map((record, i) => (
        <Text key={record.id}>
          {texts.recordOf(i + 1)}{' '}
          <Anchor component={Link} to={`/patients/${record.id}`} fw={700}>
            {recordName(record)}
          </Anchor>
        </Text>
      ))}
      <Stack component="dl" gap={6} m={0}>
        {rows.map((row) => {
          const different = differs(row);
          return (
            <Box key={row.label} p={6} bg={different ? 'yellow.1' : undefined} style={{ borderRadius: 4 }}>
              <Group component="dt" gap={6} fw={600}>
                <span>{row.label}</span>
                {different && <DiffersBadge />}
              </Group>
              {row.values.map((value, i) => (
                <Group component="dd" key={records[i]!.id} m={0} gap={6} wrap="nowrap" fw={different ? 700 : undefined}>
                  <Text span size="sm" c="dimmed" fw={400}>
                    {i + 1}
                  </Text>
                  <span>{value}</span>
                </Group>
              ))}
            </Box>
          );
        })}
      </Stack>
    </Stack>
  );
}

function Comparison({ records }: { records: QueueRecord[] }) {
  const rows = rowsOf(records);
  return (
    <>
      <Box visibleFrom="sm">
        <ComparisonTable records={records} rows={rows} />
      </Box>
      <Box hiddenFrom="sm">
        <ComparisonList records={records} rows={rows} />
      </Box>
    </>
  );
}

/** The record to keep by default: the surest identity (qualified first), else the oldest record. */
function defaultSurvivor(records: QueueRecord[]): string {
  const sorted = records.toSorted(
    (a, b) => statusRank(b.identityStatus) - statusRank(a.identityStatus) || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
  );
  return sorted[0]!.id;
}

function MergeModal({ records, opened, onClose }: { records: QueueRecord[]; opened: boolean; onClose: () => void }) {
  const merge = useMergePatients();
  const [survivorId, setSurvivorId] = useState<string | null>(null);
  const chosen = survivorId ?? defaultSurvivor(records);
  const survivor = records.find((r) => r.id === chosen)!;
  const merged = records.find((r) => r.id !== chosen)!;
  const close = () => {
    merge.reset();
    setSurvivorId(null);
    onClose();
  };
  return (
    <ReasonModal
      opened={opened}
      onClose={close}
      title={texts.mergeTitle}
      reasonLabel={texts.mergeReason}
      reasonHelp={texts.mergeReasonHelp}
      confirmLabel={texts.mergeConfirm}
      destructive
      loading={merge.isPending}
      error={merge.error}
      onConfirm={(reason) =>
        merge.mutate(
          { survivorId: survivor.id, mergedPatientId: merged.id, reason },
          {
            onSuccess: () => {
              notifySuccess(texts.merged(recordName(survivor)));
              close();
            },
          },
        )
      }
    >
      <Radio.Group label={texts.survivor} description={texts.survivorHelp} value={chosen} onChange={setSurvivorId}>
        <Stack gap="xs" mt="xs">
          {records.map((record) => (
            <Radio
              key={record.id}
              value={record.id}
              label={texts.survivorOption(
                patientName(record),
                formatBirthDate(record.birthDate),
                fr.patients.identityStatus[record.identityStatus],
                record.createdAt ? formatDate(record.createdAt) : traitLabels.notGiven,
              )}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Text>{texts.mergeConsequences(recordName(merged), recordName(survivor))}</Text>
      <Text fw={600}>{texts.mergeUndo}</Text>
    </ReasonModal>
  );
}

function DismissModal({ suspicion, opened, onClose }: { suspicion: Suspicion; opened: boolean; onClose: () => void }) {
  const dismiss = useDismissSuspicion(suspicion);
  const close = () => {
    dismiss.reset();
    onClose();
  };
  return (
    <ReasonModal
      opened={opened}
      onClose={close}
      title={texts.dismissTitle[suspicion.kind]}
      text={texts.dismissText[suspicion.kind]}
      reasonLabel={texts.dismissReason}
      reasonHelp={texts.dismissReasonHelp}
      confirmLabel={texts.dismissConfirm}
      loading={dismiss.isPending}
      error={dismiss.error}
      onConfirm={(reason) =>
        dismiss.mutate(reason, {
          onSuccess: () => {
            notifySuccess(texts.dismissed);
            close();
          },
        })
      }
    />
  );
}

function Resolution({ suspicion }: { suspicion: Suspicion }) {
  if (suspicion.status === 'open' || !suspicion.resolvedAt) return null;
  const who = suspicion.resolvedBy ? personName(suspicion.resolvedBy) : texts.someone;
  return (
    <Text fw={600}>
      {texts.resolved[suspicion.status](who, formatDateTime(suspicion.resolvedAt))}
      {suspicion.resolution && ` — ${fr.identity.history.reason(suspicion.resolution)}`}
    </Text>
  );
}

export function SuspicionCard({ suspicion }: { suspicion: Suspicion }) {
  const records = useRecords(suspicion.patients);
  const [merging, setMerging] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  const headingId = `suspicion-${suspicion.id}`;
  const duplicate = suspicion.kind === 'duplicate' && records.length === 2;
  const reasons = reasonsText(suspicion.reasons);
  const single = records[0];
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Group gap="xs">
              <Text component="h3" id={headingId} fw={700} fz="lg" m={0}>
                {texts.kinds[suspicion.kind]}
              </Text>
              {suspicion.score !== null && (
                <Badge color={isVeryLikely(suspicion.score) ? '#b03a0c' : 'gray.7'} variant="filled">
                  {likeness(suspicion.score)}
                </Badge>
              )}
            </Group>
            <Text size="sm">{texts.kindHelp[suspicion.kind]}</Text>
          </div>
          <Text size="sm" c="dimmed">
            {suspicion.detectedBy ? texts.detected(personName(suspicion.detectedBy)) : texts.detectedAuto} · <RelativeTime iso={suspicion.detectedAt} />
          </Text>
        </Group>
        {reasons && <Text>{texts.reasons(reasons)}</Text>}
        {suspicion.note && <Text>{texts.note(suspicion.note)}</Text>}
        {duplicate ? (
          <Comparison records={records} />
        ) : (
          single && (
            <Stack gap="xs">
              <Group gap="xs">
                <Anchor component={Link} to={`/patients/${single.id}`} fw={700}>
                  {recordName(single)}
                </Anchor>
                <IdentityBadge status={single.identityStatus} size="md" />
              </Group>
              {single.version !== undefined ? <IdentityTraits patient={single as PatientView} /> : null}
            </Stack>
          )
        )}
        <Resolution suspicion={suspicion} />
        {suspicion.status === 'open' && (
          <Group gap="sm">
            {duplicate && <Button onClick={() => setMerging(true)}>{texts.merge}</Button>}
            <Button variant="outline" onClick={() => setDismissing(true)}>
              {suspicion.kind === 'duplicate' ? texts.dismissDuplicate : texts.dismissCollision}
            </Button>
          </Group>
        )}
      </Stack>
      {duplicate && <MergeModal records={records} opened={merging} onClose={() => setMerging(false)} />}
      <DismissModal suspicion={suspicion} opened={dismissing} onClose={() => setDismissing(false)} />
    </Paper>
  );
}
