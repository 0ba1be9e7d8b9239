// Writing in the journal in one action: text, category, « Publier » or Ctrl+Enter. The entry shows at
// once; if the server refuses it, it disappears from the list and its text comes back here.
import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { JOURNAL_CATEGORIES, type JournalCategory, type PersonRef } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { notifyError } from '../lib/notify.ts';
import { usePostJournalEntry } from './api.ts';

const CATEGORY_OPTIONS = JOURNAL_CATEGORIES.map((value) => ({ value, label: fr.journal.categories[value] }));

export function JournalComposer({ fileId, author }: { fileId: string; author: PersonRef }) {
  const post = usePostJournalEntry(fileId, author);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<JournalCategory>('note');
  const [error, setError] = useState<string | null>(null);

  const publish = () => {
    const entry = { text: text.trim(), category };
    if (!entry.text) {
      setError(fr.journal.textRequired);
      return;
    }
    setText('');
    post.mutate(entry, {
      onError: (failure) => {
        notifyError(failure);
        setText((current) => current || entry.text);
      },
    });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        publish();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={fr.journal.composerLabel}
          description={fr.journal.composerHelp}
          placeholder={fr.journal.composerPlaceholder}
          autosize
          minRows={3}
          maxRows={12}
          value={text}
          error={error}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              publish();
            }
          }}
        />
        <Group justify="space-between" align="flex-end">
          <NativeSelect
            label={fr.journal.category}
            data={CATEGORY_OPTIONS}
            value={category}
            onChange={(event) => setCategory(event.currentTarget.value as JournalCategory)}
            w={{ base: '100%', xs: 240 }}
          />
          <Button type="submit">{fr.journal.publish}</Button>
        </Group>
      </Stack>
    </form>
  );
}
