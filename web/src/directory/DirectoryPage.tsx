// « Annuaire »: the professionals (Annuaire Santé) and establishments (FINESS) of the region, found by
// name, RPPS or FINESS, filtered by profession and commune, with their secure messaging address to
// copy. The search lives in the address (shareable, the back button restores it).
import { Anchor, Badge, Button, Collapse, EmptyState, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DirectoryOrganizationView, DirectoryProfessionalView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { CommuneSearchField } from '../components/CommuneSearchField.tsx';
import { mayDo } from '../auth/rights.ts';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { DirectoryError } from './DirectoryError.tsx';
import { addressText, mainActivity, modeText, organizationSubtitle, phoneText, professionalName, professionText, telHref } from './format.ts';
import { PROFESSION_CODES } from './labels.ts';
import { MssanteAddress } from './MssanteAddress.tsx';
import { isAsked, useDirectoryStatus, useOrganizationSearch, useProfessionalSearch, type DirectorySearch, type DirectoryTab } from './queries.ts';

const texts = fr.directory;
const TABS: DirectoryTab[] = ['professionals', 'organizations'];

function ProfessionalRow({ professional, commune }: { professional: DirectoryProfessionalView; commune?: string | undefined }) {
  const activity = mainActivity(professional, commune);
  const others = professional.activities.filter((a) => !a.gone && a.id !== activity?.id).length;
  const what = [professionText(professional, activity), activity ? modeText(activity) : null].filter(Boolean).join(' · ');
  const where = activity ? [activity.siteName, activity.communeName].filter(Boolean).join(', ') : null;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/directory/professionals/${professional.id}`} fw={700}>
              {professionalName(professional)}
            </Anchor>
            {professional.gone && (
              <Badge color="gray" variant="outline">
                {texts.gone}
              </Badge>
            )}
          </Group>
          {what && <Text size="sm">{what}</Text>}
          {where && (
            <Text size="sm" c="dimmed">
              {where}
              {others > 0 && ` ${texts.otherPlaces(others)}`}
            </Text>
          )}
        </Stack>
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          {professional.mssante.slice(0, 1).map((address) => (
            <MssanteAddress key={address} address={address} />
          ))}
          {professional.mssante.length === 0 && (
            <Text size="sm" c="dimmed">
              {texts.noMssanteShort}
            </Text>
          )}
          {activity?.phone && (
            <Anchor href={telHref(activity.phone)} size="sm" aria-label={texts.callLabel(professionalName(professional), phoneText(activity.phone))}>
              {texts.phone(phoneText(activity.phone))}
            </Anchor>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

function OrganizationRow({ organization }: { organization: DirectoryOrganizationView }) {
  const where = addressText(organization);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/directory/organizations/${organization.id}`} fw={700}>
              {organization.name}
            </Anchor>
            {organization.gone && (
              <Badge color="gray" variant="outline">
                {texts.gone}
              </Badge>
            )}
          </Group>
          <Text size="sm">{organizationSubtitle(organization)}</Text>
          {where && (
            <Text size="sm" c="dimmed">
              {where}
            </Text>
          )}
        </Stack>
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          {organization.mssante.slice(0, 1).map((address) => (
            <MssanteAddress key={address} address={address} />
          ))}
          {organization.mssante.length === 0 && (
            <Text size="sm" c="dimmed">
              {texts.noMssanteShort}
            </Text>
          )}
          {organization.phone && (
            <Anchor href={telHref(organization.phone)} size="sm" aria-label={texts.callLabel(organization.name, phoneText(organization.phone))}>
              {texts.phone(phoneText(organization.phone))}
            </Anchor>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** Before any search: what the directory holds and how fresh it is, or that it is still empty. */
function StartState({ tab }: { tab: DirectoryTab }) {
  const me = useCurrentUser();
  const status = useDirectoryStatus();
  const empty = status.isSuccess && status.data.professionals === 0 && status.data.organizations === 0;
  if (empty) {
    return (
      <EmptyState title={texts.emptyDirectoryTitle} description={texts.emptyDirectoryText}>
        {mayDo(me, 'directory.import') && (
          <EmptyState.Actions>
            <Button component={Link} to="/admin/imports">
              {fr.imports.heading}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    );
  }
  const refreshed = status.data ? [status.data.rppsRefreshedAt, status.data.finessRefreshedAt].filter((d): d is string => d !== null).sort().at(-1) : undefined;
  return (
    <EmptyState
      title={texts.startTitle}
      description={
        <>
          {texts.startText[tab]}
          {status.data && (
            <>
              <br />
              <br />
              {texts.status(status.data.professionals, status.data.organizations)}
              {refreshed && ` ${texts.refreshedOn(formatDate(refreshed))}`}
            </>
          )}
        </>
      }
    />
  );
}

type Pages<T> = {
  data: { pages: { items: T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
};

function Results<T extends { id: string }>({ tab, result, row }: { tab: DirectoryTab; result: Pages<T>; row: (item: T) => React.ReactNode }) {
  if (result.isError) return <DirectoryError error={result.error} />;
  if (result.isPending) return <Loader aria-label={fr.common.loading} />;
  const items = result.data?.pages.flatMap((page) => page.items) ?? [];
  if (items.length === 0) return <EmptyState title={texts.noResultTitle} description={texts.noResultText} />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" aria-live="polite">
        {texts.shown(items.length, result.hasNextPage)}
      </Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none', opacity: result.isFetching && !result.isFetchingNextPage ? 0.6 : 1 }} aria-label={texts.resultsLabel[tab]}>
        {items.map((item) => row(item))}
      </Stack>
      {result.hasNextPage && (
        <Group justify="center">
          <Button variant="light" onClick={() => result.fetchNextPage()} loading={result.isFetchingNextPage}>
            {texts.seeMore}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SearchPanel({ tab }: { tab: DirectoryTab }) {
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(typed, 250);
  const search: DirectorySearch = { q: params.get('q') ?? '', profession: params.get('profession') || undefined, commune: params.get('commune') || undefined };
  const professionals = useProfessionalSearch(search, tab === 'professionals');
  const organizations = useOrganizationSearch(search, tab === 'organizations');

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // the address follows what is typed, once the typing pauses
  useEffect(() => {
    if (q.trim() !== (params.get('q') ?? '').trim()) setParam('q', q.trim() || undefined);
  }, [q]);

  const asked = tab === 'professionals' ? isAsked(search) : isAsked({ q: search.q, commune: search.commune });
  // on a phone the filters fold under the search box; a filter in use keeps them open
  const wide = useMediaQuery('(min-width: 48em)', true);
  const filterCount = (tab === 'professionals' && search.profession ? 1 : 0) + (search.commune ? 1 : 0);
  const [showFilters, setShowFilters] = useState(filterCount > 0);
  const filters = (
    <>
      {tab === 'professionals' && (
        <NativeSelect
          label={texts.profession}
          description={texts.professionHelp}
          value={search.profession ?? ''}
          onChange={(event) => setParam('profession', event.currentTarget.value || undefined)}
          data={[{ value: '', label: texts.anyProfession }, ...PROFESSION_CODES.map((code) => ({ value: code, label: texts.professions[code]! }))]}
        />
      )}
      <CommuneSearchField
        label={tab === 'professionals' ? texts.commune : texts.communeOrganization}
        description={texts.communeHelp}
        emptyText={texts.communeEmpty}
        clearLabel={texts.clearCommune}
        insee={search.commune}
        onChange={(commune) => setParam('commune', commune?.insee)}
      />
    </>
  );
  return (
    <Stack gap="md">
      <div role="search" aria-label={texts.filtersLabel}>
        <SimpleGrid cols={{ base: 1, sm: tab === 'professionals' ? 3 : 2 }} spacing="sm">
          <TextInput
            type="search"
            label={texts.searchLabel[tab]}
            description={texts.searchHelp[tab]}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {wide ? filters : null}
        </SimpleGrid>
        {!wide && (
          <>
            <Button variant="subtle" size="compact-sm" mt="xs" px={4} onClick={() => setShowFilters(!showFilters)} aria-expanded={showFilters}>
              {showFilters ? texts.hideFilters : texts.filters(filterCount)}
            </Button>
            <Collapse expanded={showFilters}>
              <Stack gap="sm" mt="xs">
                {filters}
              </Stack>
            </Collapse>
          </>
        )}
      </div>
      {!asked && <StartState tab={tab} />}
      {asked && tab === 'professionals' && (
        <Results tab={tab} result={professionals} row={(p: DirectoryProfessionalView) => <ProfessionalRow key={p.id} professional={p} commune={search.commune} />} />
      )}
      {asked && tab === 'organizations' && (
        <Results tab={tab} result={organizations} row={(o: DirectoryOrganizationView) => <OrganizationRow key={o.id} organization={o} />} />
      )}
    </Stack>
  );
}

export function DirectoryPage() {
  useDocumentTitle(fr.app.title(texts.pageTitle));
  const [params, setParams] = useSearchParams();
  const tab: DirectoryTab = params.get('tab') === 'organizations' ? 'organizations' : 'professionals';
  const changeTab = (value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'organizations') next.set('tab', value);
        else next.delete('tab');
        // a profession means nothing for an establishment
        next.delete('profession');
        return next;
      },
      { replace: true },
    );
  return (
    <Stack>
      <div>
        <Title order={1}>{texts.heading}</Title>
        <Text maw={760}>{texts.intro}</Text>
      </div>
      <Tabs value={tab} onChange={changeTab}>
        <Tabs.List>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {texts.tabs[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((value) => (
          <Tabs.Panel key={value} value={value} pt="md">
            {value === tab && <SearchPanel tab={value} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
