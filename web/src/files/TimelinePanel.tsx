// Ligne de temps: everything that happened to the file, in French, newest first.
import { Button, EmptyState, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { CareTeamRole, JournalCategory, TimelineItem } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { fr } from '../i18n/fr.ts';
import { personName } from '../lib/names.ts';
import { useTimeline } from './api.ts';

const texts = fr.timeline;

/** Reads a text field of an event payload (docs/api.md names personId, role, personName, entryId, category, authorName). */
function payloadText(item: TimelineItem, key: string): string | undefined {
  const value = item.payload[key];
  return typeof value === 'string' ? value : undefined;
}

function roleLabel(role: string | undefined): string {
  if (!role) return fr.roles.careTeam.other;
  return fr.roles.careTeam[role as CareTeamRole] ?? role;
}

function categoryLabel(category: string | undefined): string {
  return fr.journal.categories[(category ?? 'note') as JournalCategory] ?? category;
}

function describeTimelineItem(item: TimelineItem): string {
  const actorName = item.actor ? personName(item.actor) : texts.unknownPerson;
  const memberName = payloadText(item, 'personName') ?? texts.unknownPerson;
  switch (item.type) {
    case 'file.opened':
      return texts.fileOpened;
    case 'file.updated':
      return texts.fileUpdated;
    case 'file.closed':
      return texts.fileClosed;
    case 'file.reopened':
      return texts.fileReopened;
    case 'careTeam.memberAdded':
      return texts.memberAdded(memberName, roleLabel(payloadText(item, 'role')));
    case 'careTeam.memberEnded':
      return texts.memberEnded(memberName, roleLabel(payloadText(item, 'role')));
    case 'file.patientChanged':
      return texts.patientChanged;
    case 'orientation.requested':
      return texts.orientationRequested(payloadText(item, 'offerName') ?? '?', payloadText(item, 'organizationName') ?? '?');
    case 'orientation.answered': {
      const status = payloadText(item, 'status') ?? '';
      return texts.orientationAnswered(texts.orientationStatuses[status] ?? status);
    }
    case 'orientation.cancelled':
      return texts.orientationCancelled;
    case 'journal.entryWritten':
      return texts.entryWritten(categoryLabel(payloadText(item, 'category')), payloadText(item, 'authorName') ?? actorName);
    default:
      return texts.other(item.type);
  }
}

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
          <Timeline.Item key={item.id} title={describeTimelineItem(item)}>
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
