// Ma journée: for now, the open files I follow, the ones with the most recent journal activity first.
import { Anchor, Button, Card, EmptyState, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import type { FileSummary } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { useFiles } from '../files/api.ts';
import { fr } from '../i18n/fr.ts';
import { patientName } from '../lib/names.ts';
import { DayBlocks } from './DayBlocks.tsx';

const HOME_FILES = 12;

function byLastActivity(a: FileSummary, b: FileSummary): number {
  return (b.lastJournalAt ?? b.openedAt).localeCompare(a.lastJournalAt ?? a.openedAt);
}

function FileCard({ file }: { file: FileSummary }) {
  return (
    <Card withBorder radius="md" component="li">
      <Anchor component={Link} to={`/files/${file.id}`} fw={700} fz="lg">
        {patientName(file.patient)}
      </Anchor>
      <Text size="sm">{file.structure.name}</Text>
      <Text size="sm" c="dimmed" mt="xs">
        {file.lastJournalAt ? (
          <>
            {fr.home.lastActivity} <RelativeTime iso={file.lastJournalAt} />
          </>
        ) : (
          fr.home.noActivity
        )}
      </Text>
    </Card>
  );
}

function MyOpenFiles() {
  const me = useCurrentUser();
  const files = useFiles({ q: '', status: 'open', scope: 'mine', limit: HOME_FILES });
  if (files.isPending) return <Loader aria-label={fr.common.loading} />;
  if (files.isError) return <ErrorAlert error={files.error} />;
  if (files.data.items.length === 0) {
    const coordinator = mayDo(me, 'patient.search');
    return (
      <EmptyState title={fr.home.emptyTitle} description={coordinator ? fr.home.emptyTextCoordinator : fr.home.emptyText}>
        {coordinator && (
          <EmptyState.Actions>
            <Button component={Link} to="/patients">
              {fr.home.findPatient}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    );
  }
  return (
    <Stack>
      <SimpleGrid component="ul" cols={{ base: 1, md: 2, xl: 3 }} p={0} m={0} style={{ listStyle: 'none' }}>
        {files.data.items.toSorted(byLastActivity).map((file) => (
          <FileCard key={file.id} file={file} />
        ))}
      </SimpleGrid>
      {files.data.items.length === HOME_FILES && (
        <Anchor component={Link} to="/files">
          {fr.home.allMyFiles}
        </Anchor>
      )}
    </Stack>
  );
}

export function HomePage() {
  useDocumentTitle(fr.app.title(fr.home.pageTitle));
  const me = useCurrentUser();
  return (
    <Stack>
      <div>
        <Title order={1}>{fr.home.heading}</Title>
        <Text>{fr.home.intro}</Text>
      </div>
      <DayBlocks />
      {/* an invited professional (no membership yet) finds their teams in the banner above */}
      {mayDo(me, 'file.list-mine') ? <MyOpenFiles /> : me.memberships.length > 0 && <Text>{fr.home.noFileAccess}</Text>}
    </Stack>
  );
}
