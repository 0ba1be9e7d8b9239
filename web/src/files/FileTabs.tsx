// The file's content. On a wide screen, two panes: what happened (journal, timeline) on the left, who
// (care team, access log) on the right. On a phone, one list of tabs, stacked.
import { Grid, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import type { FileView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { FileOrientationPanel } from '../orientation/FileOrientationPanel.tsx';
import { TasksPanel } from '../tasks/TasksPanel.tsx';
import { ConsentPanel } from '../consents/ConsentPanel.tsx';
import { DocumentsPanel } from '../documents/DocumentsPanel.tsx';
import { AccessLogPanel } from './AccessLogPanel.tsx';
import { CareTeamPanel } from './CareTeamPanel.tsx';
import { JournalPanel } from './JournalPanel.tsx';
import { LifelinePanel } from './LifelinePanel.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';

type FileTab = { value: string; label: string; panel: React.ReactNode };

function PaneTabs({ tabs }: { tabs: FileTab[] }) {
  // `?tab=orientation` opens that tab (back from « Trouver une ressource », say)
  const asked = useSearchParams()[0].get('tab');
  return (
    <Tabs defaultValue={tabs.some((tab) => tab.value === asked) ? asked : tabs[0].value}>
      <Tabs.List aria-label={fr.files.page.tabs.label}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          {tab.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

export function FileTabs({ file }: { file: FileView }) {
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const labels = fr.files.page.tabs;
  // through a consent, only what it covers: never a tab that would answer 403
  const byConsent = file.access.via === 'consent';
  const covers = (category: string) => !byConsent || (file.access.sharedCategories ?? []).includes(category);
  const what: FileTab[] = [
    ...(covers('journal') ? [{ value: 'journal', label: labels.journal, panel: <JournalPanel file={file} /> }] : []),
    ...(covers('tasks') ? [{ value: 'tasks', label: fr.tasks.tab, panel: <TasksPanel file={file} /> }] : []),
    ...(covers('documents') ? [{ value: 'documents', label: fr.documents.tab, panel: <DocumentsPanel file={file} /> }] : []),
    { value: 'timeline', label: labels.timeline, panel: <TimelinePanel fileId={file.id} /> },
    { value: 'lifeline', label: fr.lifeline.tab, panel: <LifelinePanel patientId={file.patient.id} /> },
  ];
  const who: FileTab[] = [
    { value: 'team', label: labels.team, panel: <CareTeamPanel file={file} /> },
    ...(byConsent ? [] : [{ value: 'consent', label: fr.consents.tab, panel: <ConsentPanel file={file} /> }]),
    ...(byConsent ? [] : [{ value: 'orientation', label: fr.orientation.file.tab, panel: <FileOrientationPanel file={file} /> }]),
    ...(file.permissions.canSeeAccessLog
      ? [{ value: 'access-log', label: labels.accessLog, panel: <AccessLogPanel fileId={file.id} /> }]
      : []),
  ];
  if (!wide) return <PaneTabs tabs={[...what, ...who]} />;
  return (
    <Grid gap="xl">
      <Grid.Col span={7}>
        <PaneTabs tabs={what} />
      </Grid.Col>
      <Grid.Col span={5}>
        <PaneTabs tabs={who} />
      </Grid.Col>
    </Grid>
  );
}
