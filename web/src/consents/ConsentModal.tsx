// « Enregistrer un consentement »: information, consent to share outside the care team (with whom,
// what), or objection; when and how it was collected, the signed document when there is one.
import { Button, Checkbox, Group, Modal, NativeSelect, SegmentedControl, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../api/client.ts';
import type { DirectoryPerson } from '../api/types.ts';
import { useStructures } from '../directory/api.ts';
import { PersonSearch } from '../files/PersonSearch.tsx';
import { fr } from '../i18n/fr.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useFileDocumentChoices, useRecordConsent } from './api.ts';

const c = fr.consents;
const f = c.form;

function nowLocal(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function ConsentModal({ fileId, opened, initialKind, onClose }: { fileId: string; opened: boolean; initialKind: string; onClose: () => void }) {
  const record = useRecordConsent(fileId);
  const structures = useStructures();
  const documents = useFileDocumentChoices(fileId);
  const [kind, setKind] = useState(initialKind);
  const [recipientKind, setRecipientKind] = useState('structure');
  const [structureId, setStructureId] = useState('');
  const [person, setPerson] = useState<DirectoryPerson | null>(null);
  const [categories, setCategories] = useState<string[]>([]);
  const [collectedAt, setCollectedAt] = useState(nowLocal());
  const [channel, setChannel] = useState('oral');
  const [documentId, setDocumentId] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    record.mutate(
      {
        kind,
        ...(kind === 'sharing' ? (recipientKind === 'structure' ? { recipientStructureId: structureId || null } : { recipientPersonId: person?.id ?? null }) : {}),
        ...(kind === 'sharing' ? { categories } : {}),
        collectedAt: new Date(collectedAt).toISOString(),
        channel,
        documentId: documentId || null,
        comment: comment.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(f.recorded);
          onClose();
        },
        onError: (error) => {
          if (!isApiError(error, 400)) return notifyError(error);
          setErrors(Object.fromEntries(Object.keys(error.fields).map((key) => [key, fr.validation.serverField])));
        },
      },
    );
  };
  const recipientError = errors.recipient ?? errors.recipientStructureId ?? errors.recipientPersonId;
  return (
    <Modal opened={opened} onClose={onClose} title={c.record} size="lg">
      <Stack>
        <SegmentedControl fullWidth orientation="vertical" value={kind} onChange={setKind} data={Object.entries(c.kinds).map(([value, label]) => ({ value, label }))} aria-label={f.kind} />
        {kind === 'sharing' && (
          <>
            <SegmentedControl value={recipientKind} onChange={setRecipientKind} data={[{ value: 'structure', label: f.recipientStructure }, { value: 'person', label: f.recipientPerson }]} aria-label={f.recipientKind} />
            {recipientKind === 'structure' ? (
              <NativeSelect
                label={f.structure}
                value={structureId}
                error={recipientError}
                onChange={(event) => setStructureId(event.currentTarget.value)}
                data={[{ value: '', label: fr.common.choose, disabled: true }, ...(structures.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
              />
            ) : (
              <PersonSearch value={person} onChange={setPerson} error={recipientError} />
            )}
            <Checkbox.Group label={f.categories} value={categories} onChange={setCategories} error={errors.categories}>
              <Stack gap={6} mt="xs">
                <Checkbox checked disabled label={f.alwaysFile} value="file-always" />
                {(['journal', 'tasks', 'documents'] as const).map((code) => (
                  <Checkbox key={code} value={code} label={c.categories[code]} />
                ))}
              </Stack>
            </Checkbox.Group>
          </>
        )}
        <Group grow align="flex-start">
          <TextInput type="datetime-local" label={f.collectedAt} value={collectedAt} error={errors.collectedAt} onChange={(event) => setCollectedAt(event.currentTarget.value)} />
          <NativeSelect label={f.channel} value={channel} onChange={(event) => setChannel(event.currentTarget.value)} data={Object.entries(c.channels).map(([value, label]) => ({ value, label }))} />
        </Group>
        {channel === 'signed_document' && (
          <NativeSelect
            label={f.document}
            description={documents.data?.items.length ? undefined : f.documentHelp}
            value={documentId}
            error={errors.documentId}
            onChange={(event) => setDocumentId(event.currentTarget.value)}
            data={[{ value: '', label: documents.data?.items.length ? fr.common.choose : f.noDocuments }, ...(documents.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }))]}
          />
        )}
        <Textarea label={f.comment} description={f.commentHelp} autosize minRows={2} value={comment} onChange={(event) => setComment(event.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {fr.common.cancel}
          </Button>
          <Button loading={record.isPending} onClick={submit}>
            {f.submit}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
