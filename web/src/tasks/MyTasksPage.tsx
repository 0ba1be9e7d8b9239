// « Mes tâches »: what I (or my structure) must do across my patients' files, late ones first.
import { EmptyState, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { useMyTasks } from './api.ts';
import { TaskItem } from './TaskItem.tsx';

const m = fr.tasks.mine;

export function MyTasksPage() {
  useDocumentTitle(fr.app.title(m.pageTitle));
  const [status, setStatus] = useState('open');
  const [scope, setScope] = useState('me');
  const tasks = useMyTasks(status, scope);
  return (
    <Stack maw={900}>
      <div>
        <Title order={1}>{m.heading}</Title>
        <Text>{m.intro}</Text>
      </div>
      <Group align="flex-end">
        <NativeSelect label={m.status} value={status} onChange={(event) => setStatus(event.currentTarget.value)} data={Object.entries(m.statusFilter).map(([value, label]) => ({ value, label }))} w={{ base: '100%', sm: 200 }} />
        <NativeSelect label={m.scope} value={scope} onChange={(event) => setScope(event.currentTarget.value)} data={Object.entries(m.scopes).map(([value, label]) => ({ value, label }))} w={{ base: '100%', sm: 320 }} />
      </Group>
      {tasks.isPending ? (
        <Loader aria-label={fr.common.loading} />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} />
      ) : tasks.data.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <EmptyState title={m.emptyTitle} description={m.emptyText} align="left" />
        </Paper>
      ) : (
        <>
          <Text aria-live="polite">{m.counts(tasks.data.counts.overdue, tasks.data.counts.dueToday, tasks.data.counts.open)}</Text>
          <Stack component="ul" gap="xs" p={0} m={0} aria-label={m.listLabel} style={{ listStyle: 'none' }}>
            {tasks.data.items.map((task) => (
              <TaskItem key={task.id} task={task} withPatient />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
