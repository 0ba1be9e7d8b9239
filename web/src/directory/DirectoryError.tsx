// A failed request of the directory, the offers or the imports, said in French with what to do.
import { Alert, type AlertProps } from '@mantine/core';
import { fr } from '../i18n/fr.ts';
import { directoryErrorMessage } from './format.ts';

export function DirectoryError({ error, title = fr.errors.title, ...props }: { error: unknown } & Omit<AlertProps, 'children'>) {
  return (
    <Alert color="red" variant="light" title={title} role="alert" {...props}>
      {directoryErrorMessage(error)}
    </Alert>
  );
}
