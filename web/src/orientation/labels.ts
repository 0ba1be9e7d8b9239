// The labels orientation shows: the offers' thesauri come from the directory's module (one source),
// the refusal reasons of a request are orientation's own.
import type { RefusalReason } from '../../../src/orientation/rules.ts';
import { REFUSAL_REASONS } from '../../../src/orientation/rules.ts';
import { fr } from '../i18n/fr.ts';

export { CARE_KINDS, CONDITIONS, SPECIALTIES, careKindLabels, conditionLabels, labelOf, specialtyLabels } from '../directory/labels.ts';
export { REFUSAL_REASONS };

export const refusalReasonLabels: Record<RefusalReason, string> = fr.orientation.refusalReasons;

/** « Gériatrie » inside a sentence: « gériatrie »; acronyms (« SMR ») stay as they are. */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
