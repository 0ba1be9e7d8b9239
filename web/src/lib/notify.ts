// The one notification helper: a French sentence, green for done, red for a failure.
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/errors.ts';
import { fr } from '../i18n/fr.ts';

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'teal' });
}

export function notifyError(error: unknown): void {
  notifications.show({ title: fr.errors.title, message: errorMessage(error), color: 'red', autoClose: 10_000 });
}
