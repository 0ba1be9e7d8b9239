// The file's « Tâches » tab: a quick form to give someone of the team a task, the open ones, then the finished.
import { Button, EmptyState, Group, Loader, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FileView, TaskView } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { personName } from '../lib/names.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useCreateTask, useFileTasks } from './api.ts';
import { TaskItem } from './TaskItem.tsx';

const t = fr.tasks;
const PRIORITIES = ['normal', 'high', 'urgent', 'low'];

function NewTaskForm({ file }: { file: FileView }) {
  const create = useCreateTask(file.id);
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [priority, setPriority] = useState('normal');
  const [error, setError] = useState<string | null>(null);
  const members = file.careTeam.filter((m) => m.active);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!title.trim()) {
          setError(fr.validation.required);
          return;
        }
        create.mutate(
          { title: title.trim(), assigneePersonId: assignee || null, dueOn: dueOn || null, priority },
          {
            onSuccess: () => {
              notifySuccess(t.new.created);
              setTitle('');
              setDueOn('');
            },
            onError: notifyError,
          },
        );
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t.new.heading}
        </Title>
        <TextInput label={t.new.title} placeholder={t.new.titlePlaceholder} value={title} error={error} onChange={(event) => { setTitle(event.currentTarget.value); setError(null); }} />
        <Group grow align="flex-end" gap="xs" wrap="wrap">
          <NativeSelect
            label={t.new.assignee}
            value={assignee}
            onChange={(event) => setAssignee(event.currentTarget.value)}
            data={[{ value: '', label: t.new.assigneeNone }, ...members.map((m) => ({ value: m.person.id, label: `${personName(m.person)} (${fr.roles.careTeam[m.role as keyof typeof fr.roles.careTeam] ?? m.role})` }))]}
            miw={200}
          />
          <TextInput label={t.new.dueOn} type="date" value={dueOn} onChange={(event) => setDueOn(event.currentTarget.value)} miw={150} />
          <NativeSelect label={t.new.priority} value={priority} onChange={(event) => setPriority(event.currentTarget.value)} data={PRIORITIES.map((p) => ({ value: p, label: t.priorities[p]! }))} miw={120} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t.new.create}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function TaskList({ items }: { items: TaskView[] }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} aria-label={t.file.listLabel} style={{ listStyle: 'none' }}>
      {items.map((task) => (
        <TaskItem key={task.id} task={task} />
      ))}
    </Stack>
  );
}

export function TasksPanel({ file }: { file: FileView }) {
  const tasks = useFileTasks(file.id);
  const canCreate = file.status === 'open' && file.permissions.canWriteJournal;
  if (tasks.isPending) return <Loader aria-label={fr.common.loading} />;
  if (tasks.isError) return <ErrorAlert error={tasks.error} />;
  const open = tasks.data.items.filter((task) => task.status === 'todo' || task.status === 'in_progress');
  const finished = tasks.data.items.filter((task) => !open.includes(task));
  return (
    <Stack>
      {canCreate && <NewTaskForm file={file} />}
      {tasks.data.items.length === 0 ? (
        <EmptyState title={t.file.emptyTitle} description={t.file.emptyText} align="left" />
      ) : (
        <>
          <TaskList items={open} />
          {finished.length > 0 && (
            <>
              <Text fw={700}>{t.file.finished}</Text>
              <TaskList items={finished} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
