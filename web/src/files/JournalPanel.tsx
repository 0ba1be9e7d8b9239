// Cahier de liaison: the composer on top, then the entries, newest first, older ones on demand.
import { Badge, Button, Divider, EmptyState, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { FileView, JournalCategory, JournalEntryView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { fr } from '../i18n/fr.ts';
import { personName } from '../lib/names.ts';
import { isPendingEntry, useJournal } from './api.ts';
import { JournalComposer } from './JournalComposer.tsx';

const CATEGORY_COLORS: Record<JournalCategory, string> = {
  note: 'gray.7',
  phone_call: 'indigo.8',
  visit: 'cyan.9',
  meeting: 'grape.9',
  alert: 'red.9',
};

function JournalEntry({ entry }: { entry: JournalEntryView }) {
  const pending = isPendingEntry(entry);
  return (
    <Paper component="article" withBorder p="sm" radius="md" opacity={pending ? 0.7 : 1} aria-busy={pending || undefined}>
      <Group gap="xs" justify="space-between" align="baseline">
        <Group gap="xs" align="baseline">
          <Text fw={700}>{personName(entry.author)}</Text>
          {entry.author.profession && <Text size="sm">{entry.author.profession}</Text>}
          {entry.category && (
            <Badge color={CATEGORY_COLORS[entry.category]} variant="filled" size="sm">
              {fr.journal.categories[entry.category]}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {pending ? fr.journal.sending : <RelativeTime iso={entry.writtenAt} />}
        </Text>
      </Group>
      <Text mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {entry.text}
      </Text>
    </Paper>
  );
}

function JournalEntries({ fileId }: { fileId: string }) {
  const journal = useJournal(fileId);
  if (journal.isPending) return <Loader aria-label={fr.common.loading} />;
  if (journal.isError) return <ErrorAlert error={journal.error} />;
  const entries = journal.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) return <EmptyState title={fr.journal.emptyTitle} description={fr.journal.emptyText} />;
  return (
    <Stack gap="sm">
      <Stack gap="sm" role="feed" aria-label={fr.journal.entriesLabel}>
        {entries.map((entry) => (
          <JournalEntry key={entry.id} entry={entry} />
        ))}
      </Stack>
      {journal.hasNextPage && (
        <Button variant="light" onClick={() => journal.fetchNextPage()} loading={journal.isFetchingNextPage}>
          {fr.common.seeMore}
        </Button>
      )}
    </Stack>
  );
}

export function JournalPanel({ file }: { file: FileView }) {
  const me = useCurrentUser();
  const author = { id: me.id, givenName: me.givenName, familyName: me.familyName, profession: me.profession };
  return (
    <Stack>
      {file.permissions.canWriteJournal ? <JournalComposer fileId={file.id} author={author} /> : <Text>{fr.journal.readOnly}</Text>}
      <Divider />
      <JournalEntries fileId={file.id} />
    </Stack>
  );
}
