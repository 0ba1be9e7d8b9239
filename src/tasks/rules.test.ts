import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAssignee, checkDueOn, checkStatusMove, compareForMyTasks, isOverdue, TASK_STATUSES, todayInParis } from './rules.ts';

test('open tasks move freely; a finished task must be reopened first; no move to the same state', () => {
  for (const from of TASK_STATUSES) {
    for (const to of TASK_STATUSES) {
      const finished = from === 'done' || from === 'cancelled';
      const allowed = from !== to && (!finished || to === 'todo');
      if (allowed) checkStatusMove(from, to);
      else assert.throws(() => checkStatusMove(from, to), `${from} → ${to}`);
    }
  }
});

test('is overdue when still open after its due day, in Paris', () => {
  assert.equal(isOverdue({ status: 'todo', dueOn: '2026-11-22' }, '2026-11-23'), true);
  assert.equal(isOverdue({ status: 'in_progress', dueOn: '2026-11-23' }, '2026-11-23'), false, 'due today is not late yet');
  assert.equal(isOverdue({ status: 'done', dueOn: '2026-11-01' }, '2026-11-23'), false);
  assert.equal(isOverdue({ status: 'todo', dueOn: null }, '2026-11-23'), false);
  assert.equal(todayInParis(new Date('2026-11-23T23:30:00Z')), '2026-11-24', 'half past midnight in Paris is the next day');
});

test('orders « Mes tâches »: open first, earliest due, then priority, undated last', () => {
  const tasks = [
    { id: 'done', status: 'done', dueOn: '2026-11-01', priority: 'urgent' },
    { id: 'undated', status: 'todo', dueOn: null, priority: 'urgent' },
    { id: 'later', status: 'todo', dueOn: '2026-12-01', priority: 'low' },
    { id: 'late-normal', status: 'todo', dueOn: '2026-11-20', priority: 'normal' },
    { id: 'late-high', status: 'in_progress', dueOn: '2026-11-20', priority: 'high' },
  ];
  assert.deepEqual(tasks.sort(compareForMyTasks).map((t) => t.id), ['late-high', 'late-normal', 'later', 'undated', 'done']);
});

test('refuses two assignees and a new task due in the past', () => {
  assert.throws(() => checkAssignee({ personId: 'p', structureId: 's' }), { code: 'tasks.assignee_ambiguous' });
  checkAssignee({ personId: 'p' });
  checkAssignee({});
  assert.throws(() => checkDueOn('2026-11-22', '2026-11-23'), { code: 'tasks.due_in_past' });
  checkDueOn('2026-11-23', '2026-11-23');
  checkDueOn(null, '2026-11-23');
});
