// A failed request, said in French with what to do next.
import { Alert, type AlertProps } from '@mantine/core';
import { errorMessage } from '../api/errors.ts';
import { fr } from '../i18n/fr.ts';

export function ErrorAlert({ error, title = fr.errors.title, ...props }: { error: unknown } & Omit<AlertProps, 'children'>) {
  return (
    <Alert color="red" variant="light" title={title} role="alert" {...props}>
      {errorMessage(error)}
    </Alert>
  );
}
