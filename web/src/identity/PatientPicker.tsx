// Finding another patient record by name (the Patients search), to name the other half of a duplicate.
import { Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import type { PatientSummary } from '../api/types.ts';
import { MIN_SEARCH_LENGTH } from '../directory/api.ts';
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
  const combobox = useCombobox();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const patients = usePatientSearch({ q, birthDate: '' });
  const items = (patients.data?.items ?? []).filter((patient) => patient.id !== excludeId);
  const searching = q.length >= MIN_SEARCH_LENGTH;

  const pick = (id: string) => {
    const patient = items.find((item) => item.id === id) ?? null;
    onChange(patient);
    if (patient) setSearch(patientName(patient));
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick}>
      <Combobox.Target>
        <TextInput
          label={texts.otherPatient}
          description={value ? texts.chosen(describe(value)) : texts.otherPatientHelp}
          value={search}
          error={error ?? (patients.isError ? errorMessage(patients.error) : undefined)}
          autoComplete="off"
          required
          withAsterisk={false}
          data-autofocus
          rightSection={patients.isFetching ? <Loader size="xs" aria-label={fr.common.loading} /> : null}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            onChange(null);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching || patients.isPending}>
        <Combobox.Options>
          {items.map((patient) => (
            <Combobox.Option value={patient.id} key={patient.id}>
              <Text fw={600}>{patientName(patient)}</Text>
              <Text size="sm">
                {formatBirthDate(patient.birthDate)}
                {patient.usedName && ` · ${fr.patients.banner.usedName(patient.usedName)}`}
                {patient.communeName && ` · ${patient.communeName}`}
              </Text>
            </Combobox.Option>
          ))}
          {items.length === 0 && <Combobox.Empty>{texts.noPatientFound}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
