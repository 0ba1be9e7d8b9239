// Helpers shared by the Mantine forms (validated by `zod4Resolver(schema)`): the server's field errors
// put back onto the fields (details.fields of a 400, see docs/api.md), empty optional fields left out.
import { isApiError } from '../api/client.ts';
import { fr } from '../i18n/fr.ts';
import { notifySuccess } from './notify.ts';

type FormWithErrors = { setFieldError: (path: never, error: React.ReactNode) => void; getValues: () => object };

/**
 * Marks each field the server refused, in French (the server's messages are English, for logs).
 * Returns whether a field of this form was named, so the caller can skip a generic alert.
 */
export function setServerFieldErrors(form: FormWithErrors, error: unknown): boolean {
  if (!isApiError(error, 400)) return false;
  const fields = Object.keys(error.fields).filter((path) => path.split('.')[0] in form.getValues());
  for (const path of fields) form.setFieldError(path as never, fr.validation.serverField);
  return fields.length > 0;
}

/** Mutation callbacks of a form in a dialog: on success say so and close; a refusal goes onto its fields. */
export function closeOnSaved(form: FormWithErrors, message: string, close: () => void) {
  return {
    onSuccess: () => {
      notifySuccess(message);
      close();
    },
    onError: (error: unknown) => setServerFieldErrors(form, error),
  };
}

/** Form values are strings; the API wants optional fields left out when empty. */
export function withoutEmpty<T extends Record<string, string>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== '')) as Partial<T>;
}

/** Props of every required input: announced as required, the word written under the label. */
export const requiredField = { required: true, withAsterisk: false, description: fr.common.required } as const;

/** Options of a native select that starts empty: a placeholder first, which cannot be picked back. */
export function selectOptions<T extends string>(values: readonly T[], labels: Record<T, string>, placeholder: string) {
  return [{ value: '', label: placeholder, disabled: true }, ...values.map((value) => ({ value, label: labels[value] }))];
}
