// The file's « Documents » tab: a drop zone (or a file input, for the keyboard) with the type, title
// and visibility, then the documents — type, title, version, who, when, who sees it, download.
import { Anchor, Badge, Button, Checkbox, EmptyState, FileButton, Group, Loader, NativeSelect, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../api/client.ts';
import type { DocumentView, FileView } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useFileDocuments, useNewVersion, useUploadDocument } from './api.ts';

const d = fr.documents;

function refusal(error: unknown): string | null {
  return isApiError(error) ? (d.refused[error.code] ?? null) : null;
}

function UploadForm({ file }: { file: FileView }) {
  const [chosen, setChosen] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [typeCode, setTypeCode] = useState('11488-4');
  const [visibility, setVisibility] = useState('care_team');
  const [isEvaluation, setIsEvaluation] = useState(false);
  const [percent, setPercent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const upload = useUploadDocument(file.id, setPercent);
  const holder = file.access.via === 'holder';
  const choose = (picked: File | null) => {
    setChosen(picked);
    setError(null);
    if (picked && !title) setTitle(picked.name.replace(/\.[^.]+$/, ''));
  };
  const submit = () => {
    if (!chosen) {
      setError(d.upload.fileRequired);
      return;
    }
    upload.mutate(
      { file: chosen, title: title.trim() || chosen.name, typeCode, visibility, isEvaluation },
      {
        onSuccess: () => {
          notifySuccess(d.upload.done);
          setChosen(null);
          setTitle('');
          setPercent(0);
        },
        onError: (failure) => {
          const message = refusal(failure);
          if (message) setError(message);
          else notifyError(failure);
        },
      },
    );
  };
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        choose(event.dataTransfer.files[0] ?? null);
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {d.upload.heading}
        </Title>
        <Group gap={6}>
          <Text size="sm">{d.upload.drop}</Text>
          <FileButton onChange={choose}>{(props) => <Button size="xs" variant="outline" {...props}>{d.upload.choose}</Button>}</FileButton>
        </Group>
        <Text size="sm" c={error ? 'red.9' : 'dimmed'} role={error ? 'alert' : undefined}>
          {error ?? (chosen ? d.upload.chosen(chosen.name) : d.upload.accepted)}
        </Text>
        <TextInput label={d.upload.title} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
        <Group grow align="flex-end" wrap="wrap">
          <NativeSelect label={d.upload.type} value={typeCode} onChange={(event) => setTypeCode(event.currentTarget.value)} data={Object.entries(d.types).map(([value, label]) => ({ value, label }))} miw={220} />
          <NativeSelect
            label={d.upload.visibility}
            value={visibility}
            onChange={(event) => setVisibility(event.currentTarget.value)}
            data={Object.entries(d.visibilities).filter(([value]) => holder || value !== 'coordinators').map(([value, label]) => ({ value, label }))}
            miw={180}
          />
        </Group>
        <Checkbox label={d.upload.isEvaluation} checked={isEvaluation} onChange={(event) => setIsEvaluation(event.currentTarget.checked)} />
        {upload.isPending && <Progress value={percent} aria-label={d.upload.sending(percent)} />}
        <Group justify="flex-end">
          <Button onClick={submit} loading={upload.isPending}>
            {d.upload.submit}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function DocumentLine({ document, canManage }: { document: DocumentView; canManage: boolean }) {
  const current = document.versions.find((v) => v.number === document.currentVersion);
  const newVersion = useNewVersion(document);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Text fw={700}>{document.title}</Text>
          <Text size="sm">
            {document.type.label} · {d.version(document.currentVersion)}
            {current && ` · ${d.size(current.size)}`}
          </Text>
          <Text size="sm" c="dimmed">
            {d.by(document.createdBy ? personName(document.createdBy) : '?', formatDate(current?.uploadedAt ?? document.createdAt))}
          </Text>
        </div>
        <Group gap={6}>
          {document.isEvaluation && <Badge variant="outline" color="gray.8">{d.evaluation}</Badge>}
          <Badge variant="filled" color={document.visibility === 'coordinators' ? '#a33a00' : 'blue.9'}>
            {d.visibilities[document.visibility]}
          </Badge>
        </Group>
      </Group>
      <Group gap="xs" mt={6}>
        <Anchor href={`/api/documents/${document.id}/versions/${document.currentVersion}/content`} aria-label={d.downloadLabel(document.title)} size="sm">
          {d.download}
        </Anchor>
        {canManage && (
          <FileButton onChange={(picked) => picked && newVersion.mutate(picked, { onSuccess: () => notifySuccess(d.upload.done), onError: notifyError })}>
            {(props) => (
              <Button size="xs" variant="subtle" loading={newVersion.isPending} aria-label={d.newVersionLabel(document.title)} {...props}>
                {d.newVersion}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
    </Paper>
  );
}

export function DocumentsPanel({ file }: { file: FileView }) {
  const documents = useFileDocuments(file.id);
  const canUpload = file.status !== 'closed' && file.permissions.canWriteJournal;
  if (documents.isPending) return <Loader aria-label={fr.common.loading} />;
  if (documents.isError) return <ErrorAlert error={documents.error} />;
  return (
    <Stack>
      {canUpload && <UploadForm file={file} />}
      {documents.data.items.length === 0 ? (
        <EmptyState title={d.emptyTitle} description={d.emptyText} align="left" />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} aria-label={d.listLabel} style={{ listStyle: 'none' }}>
          {documents.data.items.map((document) => (
            <DocumentLine key={document.id} document={document} canManage={canUpload} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
