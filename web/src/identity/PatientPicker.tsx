// Finding another patient record by name (the Patients search), to name the other half of a duplicate.
import { Text } from '@mantine/core';
import { useState } from 'react';
import type { PatientSummary } from '../api/types.ts';
import { SearchCombobox } from '../components/SearchCombobox.tsx';
import { fr } from '../i18n/fr.ts';
import { formatBirthDate } from '../lib/dates.ts';
import { patientName } from '../lib/names.ts';
import { usePatientSearch } from '../patients/api.ts';

const texts = fr.identity.report;

function describe(patient: PatientSummary): string {
  return `${patientName(patient)}, ${formatBirthDate(patient.birthDate)}${patient.communeName ? `, ${patient.communeName}` : ''}`;
}

type Props = { excludeId: string; value: PatientSummary | null; onChange: (patient: PatientSummary | null) => void; error?: React.ReactNode };

export function PatientPicker({ excludeId, value, onChange, error }: Props) {
  const [q, setQ] = useState('');
  const patients = usePatientSearch({ q, birthDate: '' });
  const items = (patients.data?.items ?? []).filter((patient) => patient.id !== excludeId);
  return (
    <SearchCombobox
      label={texts.otherPatient}
      description={value ? texts.chosen(describe(value)) : texts.otherPatientHelp}
      emptyText={texts.noPatientFound}
      required
      error={error}
      results={{ ...patients, items }}
      onQueryChange={setQ}
      textOf={patientName}
      onChange={onChange}
      renderOption={(patient) => (
        <>
          <Text fw={600}>{patientName(patient)}</Text>
          <Text size="sm">
            {formatBirthDate(patient.birthDate)}
            {patient.usedName && ` · ${fr.patients.banner.usedName(patient.usedName)}`}
            {patient.communeName && ` · ${patient.communeName}`}
          </Text>
        </>
      )}
    />
  );
}
