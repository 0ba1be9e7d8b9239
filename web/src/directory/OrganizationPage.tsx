// An establishment of the directory (FINESS): identity and whom to call or write to, the Trame
// structure it is (platform administrators link it), its offers with their completeness (described
// by its own staff), and the professionals practising there.
import { Alert, Anchor, Breadcrumbs, Button, DataList, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import type { DirectoryOrganizationView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { CopyField } from '../components/CopyField.tsx';
import { fr } from '../i18n/fr.ts';
import { formatBirthDate, formatDate } from '../lib/dates.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useStructures } from './api.ts';
import classes from './directory.module.css';
import { DirectoryError } from './DirectoryError.tsx';
import { addressText, phoneText, professionalName, professionText, telHref } from './format.ts';
import { OffersSection } from './OffersSection.tsx';
import { useLinkStructure, useOrganization, usePractitioners } from './queries.ts';

const texts = fr.directory;
const t = texts.organization;
const NO_STRUCTURE = 'none';

function StructureLink({ organization }: { organization: DirectoryOrganizationView }) {
  const me = useCurrentUser();
  const structures = useStructures();
  const link = useLinkStructure(organization.id);
  const items = structures.data?.items ?? [];
  const linked = items.find((s) => s.id === organization.structureId);
  if (!mayDo(me, 'directory.link-structure')) {
    return <Text size="sm">{organization.structureId ? (linked?.name ?? fr.common.loading) : t.noStructure}</Text>;
  }
  const data = [{ value: NO_STRUCTURE, label: t.unlink }, ...[...items].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((s) => ({ value: s.id, label: s.name }))];
  return (
    <Select
      label={t.linkLabel}
      description={t.structureHelp}
      placeholder={t.linkPlaceholder}
      data={data}
      value={organization.structureId ?? NO_STRUCTURE}
      searchable
      allowDeselect={false}
      disabled={link.isPending || structures.isPending}
      nothingFoundMessage={texts.noResultTitle}
      onChange={(value) => {
        const structureId = value === NO_STRUCTURE || value === null ? null : value;
        if (structureId === organization.structureId) return;
        link.mutate(structureId, {
          onSuccess: () => notifySuccess(structureId ? t.linked(items.find((s) => s.id === structureId)?.name ?? '') : t.unlinked),
          onError: notifyError,
        });
      }}
    />
  );
}

function Identity({ organization }: { organization: DirectoryOrganizationView }) {
  const me = useCurrentUser();
  const address = addressText(organization);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="organization-identity">
      <Title order={2} size="h4" id="organization-identity" mb="sm">
        {t.identity}
      </Title>
      {/* on a phone, what serves to call or write first: the legal identifiers stay on large screens */}
      <DataList labelWidth="10rem">
        <DataList.Item>
          <DataList.ItemLabel>{t.category}</DataList.ItemLabel>
          <DataList.ItemValue>{organization.categoryLabel ?? fr.common.empty}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t.finessGeo}</DataList.ItemLabel>
          <DataList.ItemValue>{organization.finess}</DataList.ItemValue>
        </DataList.Item>
        {organization.legalFiness && (
          <DataList.Item visibleFrom="sm">
            <DataList.ItemLabel>{t.legalFiness}</DataList.ItemLabel>
            <DataList.ItemValue>{organization.legalFiness}</DataList.ItemValue>
          </DataList.Item>
        )}
        <DataList.Item>
          <DataList.ItemLabel>{t.address}</DataList.ItemLabel>
          <DataList.ItemValue>{address ?? fr.common.empty}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t.phone}</DataList.ItemLabel>
          <DataList.ItemValue>
            {organization.phone ? (
              <Anchor href={telHref(organization.phone)} size="sm" aria-label={texts.callLabel(organization.name, phoneText(organization.phone))}>
                {phoneText(organization.phone)}
              </Anchor>
            ) : (
              fr.common.empty
            )}
          </DataList.ItemValue>
        </DataList.Item>
        {organization.siret && (
          <DataList.Item visibleFrom="sm">
            <DataList.ItemLabel>{t.siret}</DataList.ItemLabel>
            <DataList.ItemValue>{organization.siret}</DataList.ItemValue>
          </DataList.Item>
        )}
        {organization.openedOn && (
          <DataList.Item visibleFrom="sm">
            <DataList.ItemLabel>{t.openedOn}</DataList.ItemLabel>
            <DataList.ItemValue>{formatBirthDate(organization.openedOn)}</DataList.ItemValue>
          </DataList.Item>
        )}
        {!mayDo(me, 'directory.link-structure') && (
          <DataList.Item>
            <DataList.ItemLabel>{t.structure}</DataList.ItemLabel>
            <DataList.ItemValue>
              <StructureLink organization={organization} />
            </DataList.ItemValue>
          </DataList.Item>
        )}
      </DataList>
      <Stack gap="sm" mt="md">
        {organization.mssante.length === 0 ? (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {texts.mssanteLong}
              {'\u00a0: '}
            </Text>
            {texts.noMssante}
          </Text>
        ) : (
          organization.mssante.map((address) => <CopyField key={address} label={texts.mssanteLong} value={address} copyLabel={texts.copy} />)
        )}
        {mayDo(me, 'directory.link-structure') && <StructureLink organization={organization} />}
        <Text size="xs" c="dimmed">
          {t.updated(formatDate(organization.updatedAt))}
        </Text>
      </Stack>
    </Paper>
  );
}

function Practitioners({ organizationId }: { organizationId: string }) {
  const result = usePractitioners(organizationId);
  const items = result.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="organization-people">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4" id="organization-people">
          {t.professionals}
        </Title>
        {result.isSuccess && items.length > 0 && (
          <Text size="sm" c="dimmed">
            {t.professionalsCount(items.length, result.hasNextPage)}
          </Text>
        )}
      </Group>
      {result.isPending && <Loader size="sm" aria-label={fr.common.loading} />}
      {result.isError && <DirectoryError error={result.error} />}
      {result.isSuccess && items.length === 0 && <Text size="sm">{t.noProfessional}</Text>}
      {items.length > 0 && (
        <Paper withBorder radius="md" component="ul" className={classes.plainList}>
          {items.map(({ professional, activity }, i) => (
            <li key={activity.id} style={{ padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-md)', borderTop: i > 0 ? '1px solid var(--mantine-color-gray-3)' : undefined }}>
              <Anchor component={Link} to={`/directory/professionals/${professional.id}`} fw={600}>
                {professionalName(professional)}
              </Anchor>
              <Text size="sm">{[professionText(professional, activity), activity.roleLabel].filter(Boolean).join(' · ')}</Text>
            </li>
          ))}
        </Paper>
      )}
      {result.hasNextPage && (
        <Group>
          <Button variant="light" onClick={() => result.fetchNextPage()} loading={result.isFetchingNextPage}>
            {texts.seeMore}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function OrganizationView({ organization }: { organization: DirectoryOrganizationView }) {
  useDocumentTitle(fr.app.title(organization.name));
  return (
    <Stack>
      <Breadcrumbs aria-label={texts.breadcrumb}>
        <Anchor component={Link} to="/directory?tab=organizations">
          {texts.back}
        </Anchor>
        <Text aria-current="page">{organization.name}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{organization.name}</Title>
        <Text>{[organization.categoryLabel, organization.communeName].filter(Boolean).join(' · ')}</Text>
        {organization.longName && organization.longName.toUpperCase() !== organization.name.toUpperCase() && (
          <Text size="sm" c="dimmed">
            {organization.longName}
          </Text>
        )}
      </div>
      {organization.gone && (
        <Alert color="orange" variant="light" title={texts.gone}>
          {texts.goneOrganization}
        </Alert>
      )}
      <div className={classes.organizationLayout}>
        <div className={classes.identity}>
          <Identity organization={organization} />
        </div>
        <div className={classes.offers}>
          <OffersSection organization={organization} />
        </div>
        <div className={classes.people}>
          <Practitioners organizationId={organization.id} />
        </div>
      </div>
    </Stack>
  );
}

export function OrganizationPage() {
  const { organizationId } = useParams();
  const organization = useOrganization(organizationId);
  if (organization.isPending) return <Loader aria-label={fr.common.loading} />;
  if (organization.isError) return <DirectoryError error={organization.error} />;
  return <OrganizationView organization={organization.data} />;
}
