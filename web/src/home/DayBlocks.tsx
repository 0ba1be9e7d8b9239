// The top of « Ma journée »: my tasks late or due today, and — for the DAC's staff — the requests for
// support waiting for an answer. Each links to its page.
import { Anchor, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { fr } from '../i18n/fr.ts';
import { useReferralQueue } from '../referrals/api.ts';
import { useMyTasks } from '../tasks/api.ts';

function TasksBlock() {
  const tasks = useMyTasks('open', 'me');
  const counts = tasks.data?.counts;
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4">
        {fr.tasks.mine.homeTitle}
      </Title>
      <Text size="sm" fw={counts && counts.overdue > 0 ? 700 : undefined}>
        {counts ? fr.tasks.mine.homeSummary(counts.overdue, counts.dueToday) : fr.common.loading}
      </Text>
      <Anchor component={Link} to="/tasks" size="sm">
        {fr.tasks.mine.homeLink}
      </Anchor>
    </Card>
  );
}

function ReferralsBlock() {
  const queue = useReferralQueue('received', false);
  const waiting = queue.data?.items.length;
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4">
        {fr.referrals.nav}
      </Title>
      <Text size="sm" fw={waiting ? 700 : undefined}>
        {waiting === undefined ? fr.common.loading : fr.referrals.home.waiting(waiting)}
      </Text>
      <Anchor component={Link} to="/referrals" size="sm">
        {fr.referrals.home.link}
      </Anchor>
    </Card>
  );
}

export function DayBlocks() {
  const me = useCurrentUser();
  const triages = mayDo(me, 'referral.triage') && me.acting !== null;
  if (!mayDo(me, 'task.list-mine')) return null;
  return (
    <Group grow align="stretch">
      <SimpleGrid cols={{ base: 1, sm: triages ? 2 : 1 }} w="100%">
        <TasksBlock />
        {triages && <ReferralsBlock />}
      </SimpleGrid>
    </Group>
  );
}
