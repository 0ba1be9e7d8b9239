// « Demandes d'appui »: for the DAC's staff, the triage queue (most urgent and longest waiting first);
// for everyone who refers patients, the requests they sent and their outcome.
import { Button, Checkbox, EmptyState, Group, Loader, NativeSelect, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import type { ReferralSummary } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { notifyError } from '../lib/notify.ts';
import { useMyReferrals, useReferralQueue, useReferralStep } from './api.ts';
import { ReferralCard } from './ReferralCard.tsx';

const texts = fr.referrals.queue;
const FILTERS = ['open', 'received', 'info_requested', 'accepted', 'redirected', 'closed'];

function TakeableCard({ referral, meId }: { referral: ReferralSummary; meId: string }) {
  const step = useReferralStep(referral);
  return <ReferralCard referral={referral} taking={step.isPending} onTake={() => step.mutate({ step: 'assign', assigneeId: meId }, { onError: notifyError })} />;
}

function List({ items, empty, render }: { items: ReferralSummary[]; empty: string; render: (r: ReferralSummary) => React.ReactNode }) {
  if (items.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <EmptyState title={texts.emptyTitle} description={empty} align="left" />
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Text aria-live="polite">{texts.count(items.length)}</Text>
      <Stack component="ul" gap="sm" p={0} m={0} aria-label={texts.listLabel} style={{ listStyle: 'none' }}>
        {items.map(render)}
      </Stack>
    </Stack>
  );
}

function Queue() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const status = FILTERS.includes(params.get('status') ?? '') ? params.get('status')! : 'open';
  const mine = params.get('mine') === '1';
  const queue = useReferralQueue(status, mine);
  const set = (changes: Record<string, string | null>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) if (value) next.set(key, value); else next.delete(key);
      return next;
    }, { replace: true });
  return (
    <Stack>
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={texts.filter}
          data={FILTERS.map((value) => ({ value, label: texts.filters[value]! }))}
          value={status}
          onChange={(event) => set({ status: event.currentTarget.value === 'open' ? null : event.currentTarget.value })}
          w={{ base: '100%', sm: 280 }}
        />
        <Checkbox label={texts.onlyMine} checked={mine} onChange={(event) => set({ mine: event.currentTarget.checked ? '1' : null })} mb={8} />
      </Group>
      {queue.isPending ? (
        <Loader aria-label={fr.common.loading} />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} />
      ) : (
        <List items={queue.data.items} empty={texts.emptyText} render={(referral) => <TakeableCard key={referral.id} referral={referral} meId={me.id} />} />
      )}
    </Stack>
  );
}

function Mine() {
  const mine = useMyReferrals();
  if (mine.isPending) return <Loader aria-label={fr.common.loading} />;
  if (mine.isError) return <ErrorAlert error={mine.error} />;
  return (
    <Stack>
      <Text>{texts.mineIntro}</Text>
      <List items={mine.data.items} empty={texts.emptyMine} render={(referral) => <ReferralCard key={referral.id} referral={referral} />} />
    </Stack>
  );
}

export function ReferralsPage() {
  useDocumentTitle(fr.app.title(texts.pageTitle));
  const me = useCurrentUser();
  const triages = mayDo(me, 'referral.triage') && me.acting !== null;
  return (
    <Stack maw={960}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{texts.heading}</Title>
          {triages && <Text>{texts.intro(me.acting!.structureName)}</Text>}
        </div>
        <Group gap="xs">
          {triages && (
            <Button variant="outline" component={Link} to="/referrals/new?channel=phone">
              {texts.phoneReferral}
            </Button>
          )}
          <Button component={Link} to="/referrals/new">
            {texts.newReferral}
          </Button>
        </Group>
      </Group>
      {triages ? (
        <Tabs defaultValue="queue">
          <Tabs.List aria-label={texts.heading}>
            <Tabs.Tab value="queue">{texts.filters.open}</Tabs.Tab>
            <Tabs.Tab value="mine">{texts.mineHeading}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="queue" pt="md">
            <Queue />
          </Tabs.Panel>
          <Tabs.Panel value="mine" pt="md">
            <Mine />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Mine />
      )}
    </Stack>
  );
}
