// One request in a list: who, how urgent, how long it has waited, who handles it.
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ReferralSummary } from '../api/types.ts';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { fr } from '../i18n/fr.ts';
import { formatWait } from '../i18n/fr-referrals.ts';
import { ageInYears, formatBirthDate } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';

const texts = fr.referrals;

export function personOf(referral: Pick<ReferralSummary, 'person'>): string {
  return `${referral.person.familyName.toUpperCase()} ${referral.person.givenName}`;
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const urgent = urgency === 'within_48h';
  return (
    <Badge color={urgent ? 'red.9' : 'gray.7'} variant={urgent ? 'filled' : 'outline'}>
      {texts.urgencies[urgency] ?? urgency}
    </Badge>
  );
}

export function ReferralStatusBadge({ status }: { status: string }) {
  const open = status === 'received' || status === 'info_requested';
  return (
    <Badge color={open ? 'blue.9' : status === 'accepted' ? 'teal.9' : 'gray.7'} variant="filled">
      {texts.statuses[status] ?? status}
    </Badge>
  );
}

type Props = { referral: ReferralSummary; onTake?: (() => void) | undefined; taking?: boolean };

export function ReferralCard({ referral, onTake, taking }: Props) {
  const name = personOf(referral);
  const titleId = `referral-${referral.id}`;
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
            <Title order={2} size="h4" id={titleId}>
              <Anchor component={Link} to={`/referrals/${referral.id}`} inherit>
                {name}
              </Anchor>
            </Title>
            {referral.person.birthDate && (
              <Text size="sm">
                {formatBirthDate(referral.person.birthDate)} · {fr.dates.age(ageInYears(referral.person.birthDate))}
              </Text>
            )}
          </div>
          <Group gap={6}>
            <UrgencyBadge urgency={referral.urgency} />
            <ReferralStatusBadge status={referral.status} />
          </Group>
        </Group>
        <Text size="sm">
          {texts.queue.from(referral.requesterName, texts.requesterCategories[referral.requesterCategory] ?? referral.requesterCategory)} ·{' '}
          {texts.channels[referral.channel]} · <RelativeTime iso={referral.receivedAt} />
        </Text>
        <Text size="sm">
          {referral.waitingMinutes !== null
            ? texts.queue.waiting(formatWait(referral.waitingMinutes))
            : texts.queue.answeredIn(formatWait(referral.firstResponseMinutes ?? 0))}
          {referral.criteria.length > 0 && ` · ${texts.queue.criteriaCount(referral.criteria.length)}`}
        </Text>
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {referral.assignee ? texts.queue.assignedTo(personName(referral.assignee)) : texts.queue.unassigned}
          </Text>
          {onTake && !referral.assignee && (
            <Button size="xs" variant="outline" loading={taking} aria-label={texts.queue.takeItLabel(name)} onClick={onTake}>
              {texts.queue.takeIt}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
