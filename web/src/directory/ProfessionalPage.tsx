// A professional of the directory: identity (RPPS), secure messaging addresses, and every place of
// practice (where, how, the establishment, whom to call). Said plainly when the latest extraction no
// longer lists them.
import { Alert, Anchor, Badge, Breadcrumbs, DataList, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import type { DirectoryActivityView, DirectoryProfessionalView } from '../api/types.ts';
import { CopyField } from '../components/CopyField.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import classes from './directory.module.css';
import { DirectoryError } from './DirectoryError.tsx';
import { addressText, modeText, phoneText, professionalName, telHref } from './format.ts';
import { useProfessional } from './queries.ts';

const texts = fr.directory;
const t = texts.professional;

function Practice({ activity, who }: { activity: DirectoryActivityView; who: string }) {
  const address = addressText(activity);
  const mode = modeText(activity);
  const place = activity.siteName ?? address ?? fr.common.empty;
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" align="flex-start">
          <Title order={3} size="h5" style={{ flex: '1 1 14rem' }}>
            {activity.organizationId ? (
              <Anchor component={Link} to={`/directory/organizations/${activity.organizationId}`} inherit aria-label={t.seeEstablishment(place)}>
                {place}
              </Anchor>
            ) : (
              place
            )}
          </Title>
          <Group gap={6}>
            {mode && (
              <Badge variant="light" color={activity.modeCode === 'L' ? 'indigo' : 'teal'}>
                {mode}
              </Badge>
            )}
            {activity.gone && (
              <Badge variant="outline" color="gray">
                {texts.gone}
              </Badge>
            )}
          </Group>
        </Group>
        {(activity.skillLabel || activity.roleLabel) && <Text size="sm">{[activity.skillLabel, activity.roleLabel].filter(Boolean).join(' · ')}</Text>}
        {address && activity.siteName && <Text size="sm">{address}</Text>}
        <Group gap="md">
          {activity.phone && (
            <Anchor href={telHref(activity.phone)} size="sm" aria-label={texts.callLabel(`${who}, ${place}`, phoneText(activity.phone))}>
              {texts.phone(phoneText(activity.phone))}
            </Anchor>
          )}
          {activity.email && (
            <Anchor href={`mailto:${activity.email}`} size="sm" aria-label={texts.writeTo(activity.email)}>
              {activity.email}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function ProfessionalView({ professional }: { professional: DirectoryProfessionalView }) {
  const name = professionalName(professional);
  useDocumentTitle(fr.app.title(name));
  const current = professional.activities.filter((a) => !a.gone);
  const practices = [...current, ...professional.activities.filter((a) => a.gone)];
  return (
    <Stack>
      <Breadcrumbs aria-label={texts.breadcrumb}>
        <Anchor component={Link} to="/directory">
          {texts.back}
        </Anchor>
        <Text aria-current="page">{name}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{name}</Title>
        <Text>{[professional.professionLabel, professional.rpps ? `${t.rpps} ${professional.rpps}` : null].filter(Boolean).join(' · ')}</Text>
      </div>
      {professional.gone && (
        <Alert color="orange" variant="light" title={texts.gone}>
          {texts.goneProfessional}
        </Alert>
      )}
      <div className={classes.professionalLayout}>
        <div className={classes.mssante}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="professional-mssante">
            <Title order={2} size="h4" id="professional-mssante" mb="sm">
              {texts.mssanteLong}
            </Title>
            {professional.mssante.length === 0 ? (
              <Text size="sm">{texts.noMssante}</Text>
            ) : (
              <Stack gap="sm">
                {professional.mssante.map((address) => (
                  <CopyField key={address} label={texts.mssanteToPaste} value={address} copyLabel={texts.copy} />
                ))}
              </Stack>
            )}
          </Paper>
        </div>
        <div className={classes.practices}>
          <Stack gap="sm" component="section" aria-labelledby="professional-practices">
            <Group justify="space-between" align="baseline">
              <Title order={2} size="h4" id="professional-practices">
                {t.practices}
              </Title>
              <Text size="sm" c="dimmed">
                {t.practicesCount(current.length)}
              </Text>
            </Group>
            {practices.length === 0 ? (
              <Text>{t.noPractice}</Text>
            ) : (
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                {practices.map((activity) => (
                  <Practice key={activity.id} activity={activity} who={name} />
                ))}
              </Stack>
            )}
          </Stack>
        </div>
        <div className={classes.identity}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="professional-identity">
            <Title order={2} size="h4" id="professional-identity" mb="sm">
              {t.identity}
            </Title>
            <DataList labelWidth="10rem">
              <DataList.Item>
                <DataList.ItemLabel>{t.civility}</DataList.ItemLabel>
                <DataList.ItemValue>{professional.civility ?? fr.common.empty}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t.familyName}</DataList.ItemLabel>
                <DataList.ItemValue>{professional.familyName}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t.givenName}</DataList.ItemLabel>
                <DataList.ItemValue>{professional.givenName}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t.profession}</DataList.ItemLabel>
                <DataList.ItemValue>{professional.professionLabel ?? fr.common.empty}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{professional.rpps ? t.rpps : t.idNatPs}</DataList.ItemLabel>
                <DataList.ItemValue>{professional.rpps ?? professional.idNatPs}</DataList.ItemValue>
              </DataList.Item>
            </DataList>
            <Text size="xs" c="dimmed" mt="sm">
              {t.updated(formatDate(professional.updatedAt))}
            </Text>
          </Paper>
        </div>
      </div>
    </Stack>
  );
}

export function ProfessionalPage() {
  const { professionalId } = useParams();
  const professional = useProfessional(professionalId);
  if (professional.isPending) return <Loader aria-label={fr.common.loading} />;
  if (professional.isError) return <DirectoryError error={professional.error} />;
  return <ProfessionalView professional={professional.data} />;
}
