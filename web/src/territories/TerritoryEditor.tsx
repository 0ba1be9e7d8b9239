// The territory editor: its name, type and structure, the communes it covers (added one by one or a
// whole département, arrondissement or intercommunalité at once), the running total, then one save.
// The draft is the user's until saved: a change made meanwhile by someone else is a 409 to reload.
import { Alert, Badge, Button, Grid, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useBlocker, useNavigate } from 'react-router';
import { isApiError } from '../api/client.ts';
import { TERRITORY_KINDS, type StructureView, type TerritoryCommune, type TerritoryKind, type TerritoryView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useStructures } from '../directory/api.ts';
import { fr } from '../i18n/fr.ts';
import { notifySuccess } from '../lib/notify.ts';
import { isStale, useCreateTerritory, useUpdateTerritory } from './api.ts';
import { CommunePicker } from './CommunePicker.tsx';
import { CommuneTable } from './CommuneTable.tsx';
import { mergeCommunes, populationOf, sameCodes } from './communes.ts';
import { mayManageTerritoryOf } from './rights.ts';
import classes from './territories.module.css';

const texts = fr.territories;

type Draft = { name: string; kind: TerritoryKind; structureId: string; communes: TerritoryCommune[] };

function draftOf(view: TerritoryView): Draft {
  return { name: view.name, kind: view.kind, structureId: view.structureId ?? '', communes: view.communes };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return a.name.trim() === b.name.trim() && a.kind === b.kind && a.structureId === b.structureId && sameCodes(a.communes, b.communes);
}

/** A new territory starts served by the acting structure, of its kind, when the role allows no other. */
function newDraft(structures: StructureView[], actingStructureId: string | undefined, allowNone: boolean): Draft {
  const acting = structures.find((s) => s.id === actingStructureId);
  const structureId = allowNone || !actingStructureId ? '' : actingStructureId;
  const kind: TerritoryKind = acting?.kind === 'dac' || acting?.kind === 'cpts' ? acting.kind : 'other';
  return { name: '', kind: structureId ? kind : 'dac', structureId, communes: [] };
}

function useStructureOptions(draft: Draft, base: TerritoryView | null) {
  const me = useCurrentUser();
  const structures = useStructures();
  const allowed = (structures.data?.items ?? []).filter((s) => mayManageTerritoryOf(me, s.id));
  const options = [
    ...(mayManageTerritoryOf(me, null) ? [{ value: '', label: texts.noStructure }] : []),
    ...allowed.map((s) => ({ value: s.id, label: s.name })),
  ];
  // The structure it has stays shown, even before the list arrives.
  if (draft.structureId && !options.some((o) => o.value === draft.structureId)) {
    options.push({ value: draft.structureId, label: base?.structureName ?? fr.common.loading });
  }
  return options;
}

type Props = {
  /** The territory as last read or saved; null for a new one. */
  initial: TerritoryView | null;
  /** Reads the territory again (after a 409). */
  reload: () => Promise<TerritoryView | undefined>;
};

export function TerritoryEditor({ initial, reload }: Props) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const structures = useStructures();
  const [base, setBase] = useState<TerritoryView | null>(initial);
  const [draft, setDraft] = useState<Draft>(() =>
    initial ? draftOf(initial) : newDraft(structures.data?.items ?? [], me.acting?.structureId, mayManageTerritoryOf(me, null)),
  );
  const [nameError, setNameError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const leaving = useRef(false);
  const create = useCreateTerritory();
  const update = useUpdateTerritory(base?.id ?? '');
  const mutation = base ? update : create;
  const structureOptions = useStructureOptions(draft, base);

  // A new territory is worth keeping once it has a name or a commune.
  const dirty = base ? !sameDraft(draft, draftOf(base)) : draft.name.trim() !== '' || draft.communes.length > 0;

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const add = (communes: TerritoryCommune[]) => {
    const merged = mergeCommunes(draft.communes, communes);
    change({ communes: merged.communes });
    return merged.added;
  };
  const remove = (commune: TerritoryCommune) => {
    change({ communes: draft.communes.filter((c) => c.insee !== commune.insee) });
    notifySuccess(texts.table.removed(commune.name));
  };

  const save = () => {
    if (!draft.name.trim()) {
      setNameError(fr.validation.required);
      nameInput.current?.focus();
      return;
    }
    const fields = { name: draft.name.trim(), kind: draft.kind, structureId: draft.structureId || null, communes: draft.communes.map((c) => c.insee) };
    if (base) {
      update.mutate(
        { version: base.version, ...fields },
        {
          onSuccess: (view) => {
            setBase(view);
            setDraft(draftOf(view));
            notifySuccess(texts.saved);
          },
        },
      );
    } else {
      create.mutate(fields, {
        onSuccess: (view) => {
          leaving.current = true;
          notifySuccess(texts.created);
          void navigate(`/territories/${view.id}`, { replace: true });
        },
      });
    }
  };

  const reloadAfterConflict = async () => {
    const fresh = await reload();
    if (!fresh) return;
    setBase(fresh);
    setDraft(draftOf(fresh));
    update.reset();
  };

  const fieldError = (field: string) => (isApiError(mutation.error, 400) && field in mutation.error.fields ? fr.errors.codes[mutation.error.code] ?? fr.validation.serverField : undefined);
  const included = new Set(draft.communes.map((c) => c.insee));

  return (
    <Stack pb="md">
      <Paper withBorder shadow="sm" p="sm" radius="md" className={classes.saveBar} aria-label={texts.summaryLabel} component="section">
        <Group justify="space-between" gap="xs">
          <div>
            <Text fw={700} size="lg" role="status">
              {texts.total(draft.communes.length, populationOf(draft.communes))}
            </Text>
            {dirty ? (
              <Badge color="yellow" autoContrast variant="filled">
                {texts.unsaved}
              </Badge>
            ) : (
              base && (
                <Text size="sm" c="dimmed">
                  {texts.upToDate}
                </Text>
              )
            )}
          </div>
          {/* Nothing to save, no button: on a phone this bar stays two lines high. */}
          {(dirty || !base) && (
            <Group gap="xs" justify="flex-end">
              {base && (
                <Button variant="default" onClick={() => setDraft(draftOf(base))}>
                  {texts.discard}
                </Button>
              )}
              <Button onClick={save} loading={mutation.isPending}>
                {base ? texts.save : texts.createSubmit}
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
      {isStale(update.error) && (
        <Alert color="red" variant="light" title={fr.errors.title} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text>{fr.errors.codes['territories.stale']}</Text>
            <Button onClick={reloadAfterConflict}>{texts.reload}</Button>
          </Stack>
        </Alert>
      )}
      {mutation.isError && !isStale(mutation.error) && !fieldError('name') && !fieldError('communes') && !fieldError('structureId') && <ErrorAlert error={mutation.error} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="territory-details">
              <Stack gap="sm">
                <Title order={2} size="h4" id="territory-details">
                  {texts.details}
                </Title>
                <TextInput
                  ref={nameInput}
                  label={texts.fields.name}
                  required
                  withAsterisk={false}
                  description={fr.common.required}
                  value={draft.name}
                  error={nameError ?? fieldError('name')}
                  onChange={(event) => {
                    change({ name: event.currentTarget.value });
                    setNameError(null);
                  }}
                />
                <NativeSelect
                  label={texts.fields.kind}
                  data={TERRITORY_KINDS.map((kind) => ({ value: kind, label: texts.kindsLong[kind] }))}
                  value={draft.kind}
                  onChange={(event) => change({ kind: event.currentTarget.value as TerritoryKind })}
                />
                <NativeSelect
                  label={texts.fields.structure}
                  description={texts.fields.structureHelp}
                  data={structureOptions}
                  value={draft.structureId}
                  error={fieldError('structureId')}
                  onChange={(event) => change({ structureId: event.currentTarget.value })}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="territory-add">
              <Stack gap="sm">
                <Title order={2} size="h4" id="territory-add">
                  {texts.add.heading}
                </Title>
                <CommunePicker included={included} onAdd={add} />
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p={{ base: 'xs', sm: 'md' }} radius="md" component="section" aria-labelledby="territory-communes">
            <Stack gap="sm">
              <Title order={2} size="h4" id="territory-communes">
                {texts.table.heading}
              </Title>
              {fieldError('communes') && <ErrorAlert error={mutation.error} />}
              <CommuneTable communes={draft.communes} onRemove={remove} emptyText={texts.table.emptyText} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={texts.leaveTitle}>
        <Stack>
          <Text>{texts.leaveText}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              {texts.stay}
            </Button>
            <Button color="red.9" onClick={() => blocker.proceed?.()}>
              {texts.leave}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
