// Mes patients: the files I follow, filtered by patient name and status.
import { EmptyState, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { useFiles, type FileScope, type FileStatusFilter } from './api.ts';
import { FilesTable } from './FilesTable.tsx';

const STATUS_OPTIONS = (['open', 'closed', 'all'] as const).map((value) => ({ value, label: fr.files.statusFilter[value] }));
const SCOPE_OPTIONS = (['mine', 'structure'] as const).map((value) => ({ value, label: fr.files.scopeFilter[value] }));

function FilesResult({ q, status, scope }: { q: string; status: FileStatusFilter; scope: FileScope }) {
  const files = useFiles({ q, status, scope });
  if (files.isPending) return <Loader aria-label={fr.common.loading} />;
  if (files.isError) return <ErrorAlert error={files.error} />;
  if (files.data.items.length > 0) {
    return <FilesTable files={files.data.items} showPatient label={fr.files.statusFilter[status]} />;
  }
  const filtered = q !== '' || status !== 'open' || scope !== 'mine';
  return <EmptyState title={fr.files.emptyTitle} description={filtered ? fr.files.emptyText : fr.files.emptyMine} />;
}

export function MyFilesPage() {
  useDocumentTitle(fr.app.title(fr.files.myFilesTitle));
  const [text, setText] = useState('');
  const [status, setStatus] = useState<FileStatusFilter>('open');
  const [scope, setScope] = useState<FileScope>('mine');
  const coordinator = mayDo(useCurrentUser(), 'file.list-structure');
  const [q] = useDebouncedValue(text.trim(), 300);
  return (
    <Stack>
      <div>
        <Title order={1}>{fr.files.myFilesTitle}</Title>
        <Text>{fr.files.myFilesIntro}</Text>
      </div>
      <Group align="flex-end" role="search" aria-label={fr.files.filtersLabel}>
        <TextInput
          label={fr.files.filterText}
          type="search"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={fr.files.filterStatus}
          data={STATUS_OPTIONS}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as FileStatusFilter)}
          w={{ base: '100%', sm: 220 }}
        />
        {coordinator && (
          <NativeSelect
            label={fr.files.filterScope}
            data={SCOPE_OPTIONS}
            value={scope}
            onChange={(event) => setScope(event.currentTarget.value as FileScope)}
            w={{ base: '100%', sm: 260 }}
          />
        )}
      </Group>
      <FilesResult q={q} status={status} scope={scope} />
    </Stack>
  );
}
