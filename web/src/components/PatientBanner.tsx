// The patient's identity at the top of every patient page, never ambiguous: birth name in capitals,
// used name, first name, birth date and age, sex, identity status in words, referent when known.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { IdentityStatus, PatientSummary, PersonRef } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { ageInYears, formatBirthDate } from '../lib/dates.ts';
import { patientName, personName } from '../lib/names.ts';

type PatientIdentity = Pick<PatientSummary, 'birthName' | 'givenName' | 'birthDate' | 'sex' | 'identityStatus'> & {
  usedName?: string | null;
};

const IDENTITY_COLORS: Record<IdentityStatus, string> = {
  PROV: 'gray.7',
  RECUP: 'indigo.8',
  VALI: 'cyan.9',
  QUAL: 'teal.9',
};

export function IdentityBadge({ status }: { status: IdentityStatus }) {
  return (
    <Badge color={IDENTITY_COLORS[status]} variant="filled" size="lg">
      {fr.patients.identityStatus[status]}
    </Badge>
  );
}

export function PatientBanner({ patient, referent }: { patient: PatientIdentity; referent?: PersonRef | null }) {
  const age = fr.dates.age(ageInYears(patient.birthDate));
  const born = fr.patients.banner.born(patient.sex, formatBirthDate(patient.birthDate), age);
  return (
    <Paper component="section" aria-label={fr.patients.banner.label} withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {patientName(patient)}
          </Title>
          {patient.usedName && <Text>{fr.patients.banner.usedName(patient.usedName.toUpperCase())}</Text>}
          <Text>
            {born} · {fr.patients.sex[patient.sex]}
          </Text>
          {referent !== undefined && (
            <Text>{referent ? fr.patients.banner.referent(personName(referent)) : fr.patients.banner.noReferent}</Text>
          )}
        </Stack>
        <IdentityBadge status={patient.identityStatus} />
      </Group>
    </Paper>
  );
}
