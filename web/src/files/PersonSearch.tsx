// Finding a professional in the directory by name: type, then pick one of the suggestions.
import { Text } from '@mantine/core';
import { useState } from 'react';
import type { DirectoryPerson } from '../api/types.ts';
import { SearchCombobox } from '../components/SearchCombobox.tsx';
import { usePeopleSearch } from '../directory/api.ts';
import { fr } from '../i18n/fr.ts';
import { personName, personWithProfession } from '../lib/names.ts';

type Props = { value: DirectoryPerson | null; onChange: (person: DirectoryPerson | null) => void; error?: React.ReactNode };

export function PersonSearch({ value, onChange, error }: Props) {
  const [q, setQ] = useState('');
  const people = usePeopleSearch(q);
  return (
    <SearchCombobox
      label={fr.team.searchPerson}
      description={value ? fr.team.chosen(personWithProfession(value)) : fr.team.searchPersonHelp}
      emptyText={fr.team.noPersonFound}
      error={error}
      results={{ ...people, items: people.data?.items ?? [] }}
      onQueryChange={setQ}
      textOf={personName}
      onChange={onChange}
      renderOption={(person) => (
        <>
          <Text fw={600}>{personWithProfession(person)}</Text>
          {person.structures.length > 0 && <Text size="sm">{person.structures.join(', ')}</Text>}
        </>
      )}
    />
  );
}
