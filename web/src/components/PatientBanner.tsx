// The patient's identity at the top of every patient page, never ambiguous: birth name in capitals,
// used name, first name, birth date and age, sex, identity status in words, its alerts (doubtful,
// possible duplicate…), referent when known.
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { IdentityAttribute, PatientSummary, PersonRef } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { AttributeBadges, IdentityBadge } from '../identity/badges.tsx';
import { ageInYears, formatBirthDate } from '../lib/dates.ts';
import { patientName, personName } from '../lib/names.ts';

type PatientIdentity = Pick<PatientSummary, 'id' | 'birthName' | 'givenName' | 'birthDate' | 'sex' | 'identityStatus'> & {
  usedName?: string | null;
  usedGivenName?: string | null;
  identity?: { attributes: IdentityAttribute[] };
};

/** `linkToIdentity` on pages other than the patient's own (a file): a way to the identity, its INS and history. */
export function PatientBanner({ patient, referent, linkToIdentity = false }: { patient: PatientIdentity; referent?: PersonRef | null; linkToIdentity?: boolean }) {
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
          {patient.usedGivenName && <Text>{fr.patients.banner.usedGivenName(patient.usedGivenName)}</Text>}
          <Text>
            {born} · {fr.patients.sex[patient.sex]}
          </Text>
          {referent !== undefined && (
            <Text>{referent ? fr.patients.banner.referent(personName(referent)) : fr.patients.banner.noReferent}</Text>
          )}
          {linkToIdentity && (
            <Anchor component={Link} to={`/patients/${patient.id}`} size="sm">
              {fr.patients.banner.identityLink}
            </Anchor>
          )}
        </Stack>
        <Stack gap={6} align="flex-end">
          <IdentityBadge status={patient.identityStatus} />
          {patient.identity && <AttributeBadges attributes={patient.identity.attributes} />}
        </Stack>
      </Group>
    </Paper>
  );
}
