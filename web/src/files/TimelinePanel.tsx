// Ligne de temps: everything that happened to the file, in French, newest first.
import { Button, EmptyState, Loader, Stack, Text, Timeline } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { fr } from '../i18n/fr.ts';
import { personName } from '../lib/names.ts';
import { useTimeline } from './api.ts';
import { describeEvent } from './event-sentences.ts';

const texts = fr.timeline;

export function TimelinePanel({ fileId }: { fileId: string }) {
  const timeline = useTimeline(fileId);
  if (timeline.isPending) return <Loader aria-label={fr.common.loading} />;
  if (timeline.isError) return <ErrorAlert error={timeline.error} />;
  const items = timeline.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState title={texts.emptyTitle} description={texts.emptyText} />;
  return (
    <Stack>
      <Timeline bulletSize={14} lineWidth={2} active={items.length} aria-label={texts.label}>
        {items.map((item) => (
          <Timeline.Item key={item.id} title={describeEvent(item)}>
            <Text size="sm" c="dimmed">
              {item.actor && `${texts.by(personName(item.actor))} · `}
              <RelativeTime iso={item.occurredAt} />
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {timeline.hasNextPage && (
        <Button variant="light" onClick={() => timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {fr.common.seeMore}
        </Button>
      )}
    </Stack>
  );
}
