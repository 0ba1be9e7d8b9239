// Tasks: a file's, mine, and the changes to one (optimistic where it matters: ticking a task done).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Items, MyTasks, TaskView } from '../api/types.ts';
import { fileKeys } from '../files/api.ts';

export const taskKeys = {
  all: ['tasks'] as const,
  file: (fileId: string) => [...taskKeys.all, 'file', fileId] as const,
  mine: (status: string, scope: string) => [...taskKeys.all, 'mine', status, scope] as const,
};

export function useFileTasks(fileId: string) {
  return useQuery({ queryKey: taskKeys.file(fileId), queryFn: () => api.get<Items<TaskView>>(`/api/files/${fileId}/tasks`) });
}

export function useMyTasks(status: string, scope: string) {
  return useQuery({ queryKey: taskKeys.mine(status, scope), queryFn: () => api.get<MyTasks>('/api/tasks', { status, scope }) });
}

export type NewTask = { title: string; assigneePersonId?: string | null; assigneeStructureId?: string | null; dueOn?: string | null; priority: string };

function useRefresh(fileId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: taskKeys.all }), queryClient.invalidateQueries({ queryKey: fileKeys.timeline(fileId) })]);
}

export function useCreateTask(fileId: string) {
  const refresh = useRefresh(fileId);
  return useMutation({ mutationFn: (input: NewTask) => api.post<TaskView>(`/api/files/${fileId}/tasks`, input), onSettled: refresh });
}

/** A status change shows at once in the file's list and rolls back if the server refuses it. */
export function useUpdateTask(task: TaskView) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(task.fileId);
  const key = taskKeys.file(task.fileId);
  return useMutation({
    mutationFn: (change: { status?: string }) => api.patch<TaskView>(`/api/tasks/${task.id}`, { version: task.version, ...change }),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Items<TaskView>>(key);
      if (before) queryClient.setQueryData(key, { items: before.items.map((t) => (t.id === task.id ? { ...t, ...change } : t)) });
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: refresh,
  });
}

export function useCommentTask(task: TaskView) {
  const refresh = useRefresh(task.fileId);
  return useMutation({ mutationFn: (text: string) => api.post<TaskView>(`/api/tasks/${task.id}/comments`, { text }), onSettled: refresh });
}
