// A failed orientation request, said in French with what to do next (orientation codes first).
import { Alert } from '@mantine/core';
import { fr } from '../i18n/fr.ts';
import { orientationErrorMessage } from './format.ts';

export function OrientationError({ error }: { error: unknown }) {
  return (
    <Alert color="red" variant="light" title={fr.errors.title} role="alert">
      {orientationErrorMessage(error)}
    </Alert>
  );
}
