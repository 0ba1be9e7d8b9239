// Identity situations of the demo: Jeanne's identity qualified by the DAC when her file opened
// (scenario 1), and one duplicate as hospitals make them, waiting in the identity referent's queue.
import type { Ctx } from '#src/core/context.ts';
import type { InsiRegisterEntry } from '#src/insi/test-peer.ts';
import { createPatient, type PatientInput, type SaveOptions } from '#src/patients/service.ts';
import type { DemoPatient } from './types.ts';

/** Jeanne's traits as INSi gave them, and the status the coordinator reached (INSi + ID card). */
export function qualifiedJeanne(patient: DemoPatient, register: readonly InsiRegisterEntry[]): { input: PatientInput; options: SaveOptions } | null {
  const entry = register.find((r) => r.birthName === patient.birthName && r.birthDate === patient.birthDate);
  if (!entry) return null;
  return {
    input: { ...patient, givenName: entry.firstGivenName, birthGivenNames: entry.givenNames, birthplaceInsee: entry.birthplaceInsee },
    options: {
      onCandidates: 'queue',
      received: {
        ins: { matricule: entry.matricule, oid: entry.oid },
        declared: { status: 'QUAL', methodCollection: 'INSI', validationMode: 'CNI', insiCalledAt: null, validatedAt: null },
      },
    },
  };
}

/**
 * The same woman registered again by a hospital admissions desk: her used name typed as the birth name,
 * day and month of birth swapped. Identity vigilance queues the pair for the referent.
 */
export async function loadHospitalDuplicate(ctx: Ctx, original: DemoPatient): Promise<void> {
  const [year, month, day] = original.birthDate.split('-');
  const swapped = Number(day) <= 12 && day !== month ? `${year}-${day}-${month}` : original.birthDate;
  await createPatient(
    ctx,
    { ...original, birthName: original.usedName ?? original.birthName, usedName: null, birthGivenNames: original.givenName, birthDate: swapped, phone: null },
    { onCandidates: 'queue' },
  );
}
