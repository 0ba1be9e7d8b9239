// Ligne de vie: everything that happened to the patient across the files I may read, newest first,
// grouped by day, filtered by kind and author, fifty at a time.
import { Badge, Button, Chip, EmptyState, Group, Loader, NativeSelect, Stack, Text, Timeline, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../api/client.ts';
import type { PersonRef } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate, formatTime } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';
import { describeEvent } from './event-sentences.ts';

const l = fr.lifeline;
type Item = { id: string; type: string; occurredAt: string; actor: PersonRef | null; file: { id: string; structureName: string } | null; payload: Record<string, unknown> };
type Page = { items: Item[]; nextBefore: string | null };

function useLifeline(patientId: string, kinds: string[], author: string) {
  return useInfiniteQuery({
    queryKey: ['patients', patientId, 'lifeline', kinds, author],
    queryFn: ({ pageParam }) => api.get<Page>(`/api/patients/${patientId}/lifeline`, { kinds: kinds.join(','), author: author || undefined, before: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function LifelinePanel({ patientId }: { patientId: string }) {
  const [kinds, setKinds] = useState<string[]>([]);
  const [author, setAuthor] = useState('');
  const lifeline = useLifeline(patientId, kinds, author);
  const items = lifeline.data?.pages.flatMap((page) => page.items) ?? [];
  const several = new Set(items.map((i) => i.file?.id)).size > 1;
  const authors = new Map(items.flatMap((i) => (i.actor ? [[i.actor.id, personName(i.actor)] as const] : [])));
  const days = new Map<string, Item[]>();
  for (const item of items) days.set(formatDate(item.occurredAt), [...(days.get(formatDate(item.occurredAt)) ?? []), item]);
  return (
    <Stack>
      <Chip.Group multiple value={kinds} onChange={setKinds}>
        <Group gap={6} role="group" aria-label={l.filter}>
          {Object.entries(l.kinds).map(([value, label]) => (
            <Chip key={value} value={value} size="xs">
              {label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <NativeSelect label={l.author} value={author} onChange={(event) => setAuthor(event.currentTarget.value)} data={[{ value: '', label: l.anyAuthor }, ...[...authors].map(([value, label]) => ({ value, label }))]} w={{ base: '100%', sm: 280 }} />
      {lifeline.isPending ? (
        <Loader aria-label={fr.common.loading} />
      ) : lifeline.isError && !isApiError(lifeline.error, 404) ? (
        <ErrorAlert error={lifeline.error} />
      ) : items.length === 0 ? (
        <EmptyState title={l.emptyTitle} description={l.emptyText} align="left" />
      ) : (
        <Stack aria-label={l.label}>
          {[...days].map(([day, dayItems]) => (
            <section key={day} aria-label={day}>
              <Title order={3} size="h6" mb={4}>
                {day}
              </Title>
              <Timeline bulletSize={12} lineWidth={2} active={dayItems.length}>
                {dayItems.map((item) => (
                  <Timeline.Item key={item.id} title={describeEvent(item)}>
                    <Group gap={6}>
                      <Text size="sm" c="dimmed">
                        {formatTime(item.occurredAt)}
                        {item.actor && ` · ${personName(item.actor)}`}
                      </Text>
                      {several && item.file && (
                        <Badge size="xs" variant="outline" color="gray.8">
                          {item.file.structureName}
                        </Badge>
                      )}
                    </Group>
                  </Timeline.Item>
                ))}
              </Timeline>
            </section>
          ))}
          {lifeline.hasNextPage && (
            <Button variant="light" onClick={() => lifeline.fetchNextPage()} loading={lifeline.isFetchingNextPage}>
              {l.more}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
