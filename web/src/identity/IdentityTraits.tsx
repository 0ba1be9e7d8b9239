// The identity traits of a record as a definition list: the strict traits INSi and the identity
// document are compared with, then the complementary ones.
import { SimpleGrid, Text } from '@mantine/core';
import type { PatientView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { formatBirthDate } from '../lib/dates.ts';

const texts = fr.identity.traits;

export function birthplaceText(patient: Pick<PatientView, 'birthplaceName' | 'birthplaceInsee'>): string {
  const code = patient.birthplaceInsee ? texts.birthplaceCode(patient.birthplaceInsee) : null;
  if (patient.birthplaceName && code) return `${patient.birthplaceName} (${code})`;
  return patient.birthplaceName ?? code ?? texts.notGiven;
}

export function IdentityTraits({ patient, compact = false }: { patient: PatientView; compact?: boolean }) {
  const rows: [string, string][] = [
    [texts.birthName, patient.birthName.toUpperCase()],
    [texts.birthGivenNames, patient.birthGivenNames || patient.givenName],
    [texts.birthDate, formatBirthDate(patient.birthDate)],
    [texts.sex, fr.patients.sex[patient.sex]],
    [texts.birthplace, birthplaceText(patient)],
  ];
  if (!compact) {
    rows.push([texts.usedName, patient.usedName?.toUpperCase() || texts.notGiven], [texts.usedGivenName, patient.usedGivenName || texts.notGiven]);
  }
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={4} m={0}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={600}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
