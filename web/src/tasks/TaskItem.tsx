// One task: what, for whom, by when, how urgent, its state (never by colour alone), its comments and
// the moves its reader may make.
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TaskView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { formatDate, formatDateTime } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';
import { notifyError } from '../lib/notify.ts';
import { useCommentTask, useUpdateTask } from './api.ts';

const t = fr.tasks;

function StateBadges({ task }: { task: TaskView }) {
  return (
    <Group gap={6}>
      {task.overdue && (
        <Badge color="red.9" variant="filled">
          ⚠ {t.overdue}
        </Badge>
      )}
      {(task.priority === 'urgent' || task.priority === 'high') && (
        <Badge color="#a33a00" variant="filled">
          {t.priorities[task.priority]}
        </Badge>
      )}
      <Badge color={task.status === 'done' ? 'teal.9' : 'gray.7'} variant={task.status === 'done' ? 'filled' : 'outline'}>
        {t.statuses[task.status]}
      </Badge>
    </Group>
  );
}

function Comments({ task }: { task: TaskView }) {
  const [text, setText] = useState('');
  const comment = useCommentTask(task);
  return (
    <Stack gap={4}>
      {task.comments.map((c) => (
        <Text key={c.id} size="sm" bg="gray.0" p={6}>
          <strong>{c.author ? personName(c.author) : '?'}</strong> · {formatDateTime(c.writtenAt)}
          <br />
          {c.text}
        </Text>
      ))}
      <Group
        component="form"
        gap="xs"
        align="flex-end"
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) return;
          comment.mutate(text.trim(), { onSuccess: () => setText(''), onError: notifyError });
        }}
      >
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          label={t.comment}
          aria-label={t.commentLabel(task.title)}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Button size="xs" type="submit" variant="outline" loading={comment.isPending}>
          {t.send}
        </Button>
      </Group>
    </Stack>
  );
}

export function TaskItem({ task, withPatient }: { task: TaskView; withPatient?: boolean }) {
  const update = useUpdateTask(task);
  const move = (status: string) => update.mutate({ status }, { onError: notifyError });
  const open = task.status === 'todo' || task.status === 'in_progress';
  return (
    <Paper component="li" withBorder p="sm" radius="md" style={task.overdue ? { borderLeft: '4px solid var(--mantine-color-red-9)' } : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={700} style={{ flex: '1 1 12rem', textDecoration: task.status === 'done' ? 'line-through' : undefined }}>
            {task.title}
          </Text>
          <StateBadges task={task} />
        </Group>
        {withPatient && task.patient && (
          <Text size="sm">
            <Link to={`/files/${task.fileId}?tab=tasks`}>{t.mine.openFile(task.patient.name)}</Link>
          </Text>
        )}
        <Text size="sm">
          {task.assignee ? t.assignedTo(task.assignee.name) : t.unassigned} · {task.dueOn ? t.dueOn(formatDate(task.dueOn)) : t.noDue}
          {task.completedAt && ` · ${t.doneOn(formatDate(task.completedAt))}`}
        </Text>
        {task.description && <Text size="sm">{task.description}</Text>}
        <Group gap="xs">
          {open && (
            <Button size="xs" onClick={() => move('done')} loading={update.isPending} aria-label={t.markDoneLabel(task.title)}>
              {t.markDone}
            </Button>
          )}
          {task.status === 'todo' && (
            <Button size="xs" variant="outline" onClick={() => move('in_progress')}>
              {t.start}
            </Button>
          )}
          {!open && (
            <Button size="xs" variant="outline" onClick={() => move('todo')}>
              {t.reopen}
            </Button>
          )}
        </Group>
        <Comments task={task} />
      </Stack>
    </Paper>
  );
}
