// Identitovigilance: the region's queue of possible duplicates and collisions, for identity referents.
import { EmptyState, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import type { SuspicionStatus } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { useSuspicions } from './api.ts';
import { SuspicionCard } from './SuspicionCard.tsx';

const texts = fr.vigilance;
const STATUSES: SuspicionStatus[] = ['open', 'dismissed', 'merged'];

function SuspicionList({ status }: { status: SuspicionStatus }) {
  const suspicions = useSuspicions(status);
  if (suspicions.isPending) return <Loader aria-label={fr.common.loading} />;
  if (suspicions.isError) return <ErrorAlert error={suspicions.error} />;
  const items = suspicions.data.items;
  if (items.length === 0) return <EmptyState title={texts.empty[status].title} description={texts.empty[status].text} />;
  return (
    <Stack>
      <Text role="status" fw={600}>
        {texts.count(items.length)}
      </Text>
      {items.map((suspicion) => (
        <SuspicionCard key={suspicion.id} suspicion={suspicion} />
      ))}
    </Stack>
  );
}

export function VigilancePage() {
  useDocumentTitle(fr.app.title(texts.pageTitle));
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('etat')) ?? 'open';
  if (!mayDo(me, 'identity.review')) {
    return (
      <Stack>
        <Title order={1}>{texts.heading}</Title>
        <Text>{texts.notReferent}</Text>
      </Stack>
    );
  }
  return (
    <Stack>
      <div>
        <Title order={1}>{texts.heading}</Title>
        <Text>{texts.intro}</Text>
      </div>
      <Tabs
        value={status}
        onChange={(value) => setParams(value && value !== 'open' ? { etat: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={texts.tabsLabel}>
          {STATUSES.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {texts.tabs[s]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {STATUSES.map((s) => (
          <Tabs.Panel key={s} value={s} pt="md">
            <SuspicionList status={s} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
