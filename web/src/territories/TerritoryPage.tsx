// One territory: editable by whoever may manage it (its structure's administrator, a platform admin),
// read by everyone else; `/territories/new` starts a new one.
import { Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import type { TerritoryView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadFailure, NotFoundPage } from '../components/StatusPages.tsx';
import { useStructures } from '../directory/api.ts';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { useTerritory } from './api.ts';
import { CommuneTable } from './CommuneTable.tsx';
import { TerritoryEditor } from './TerritoryEditor.tsx';

const texts = fr.territories;

function Header({ title, territory }: { title: string; territory: TerritoryView | null }) {
  return (
    <Stack gap={4}>
      <Anchor component={Link} to="/territories" size="sm">
        {`← ${texts.back}`}
      </Anchor>
      <Title order={1}>{title}</Title>
      {territory && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="light" mt={2} style={{ flexShrink: 0 }}>
            {texts.kinds[territory.kind] ?? territory.kind}
          </Badge>
          <Text size="sm">
            {[territory.structureName ? texts.servedBy(territory.structureName) : texts.noStructure, texts.updatedAt(formatDate(territory.updatedAt))].join(' · ')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

function ReadOnlyTerritory({ territory }: { territory: TerritoryView }) {
  return (
    <Stack>
      <Header title={territory.name} territory={territory} />
      <Text fw={700} size="xl">
        {texts.total(territory.communeCount, territory.population)}
      </Text>
      <Text size="sm">{texts.readOnly}</Text>
      <Paper withBorder p={{ base: 'xs', sm: 'md' }} radius="md" component="section" aria-labelledby="territory-communes">
        <Stack gap="sm">
          <Title order={2} size="h4" id="territory-communes">
            {texts.table.heading}
          </Title>
          <CommuneTable communes={territory.communes} emptyText={texts.table.emptyTextReader} />
        </Stack>
      </Paper>
    </Stack>
  );
}

function NewTerritory() {
  const me = useCurrentUser();
  const structures = useStructures();
  useDocumentTitle(fr.app.title(texts.newTitle));
  if (!mayDo(me, 'territory.manage')) return <NotFoundPage />;
  // The new territory starts with the acting structure and its kind: wait for the structures.
  if (structures.isPending) return <Loader aria-label={fr.common.loading} />;
  if (structures.isError) return <ErrorAlert error={structures.error} />;
  return (
    <Stack>
      <Header title={texts.newTitle} territory={null} />
      <TerritoryEditor initial={null} reload={async () => undefined} />
    </Stack>
  );
}

function ExistingTerritory({ id }: { id: string }) {
  const territory = useTerritory(id);
  useDocumentTitle(fr.app.title(territory.data?.name ?? texts.pageTitle));
  if (territory.isPending) return <Loader aria-label={fr.common.loading} />;
  if (territory.isError) return <LoadFailure error={territory.error} notFoundTitle={texts.notFoundTitle} notFoundText={texts.notFoundText} />;
  const view = territory.data;
  if (!view.canEdit) return <ReadOnlyTerritory territory={view} />;
  return (
    <Stack>
      <Header title={view.name} territory={view} />
      <TerritoryEditor key={view.id} initial={view} reload={async () => (await territory.refetch()).data} />
    </Stack>
  );
}

export function TerritoryPage() {
  const { territoryId = 'new' } = useParams();
  return territoryId === 'new' ? <NewTerritory /> : <ExistingTerritory id={territoryId} />;
}
