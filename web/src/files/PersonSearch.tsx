// Finding a professional in the directory by name: type, then pick one of the suggestions.
import { Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import type { DirectoryPerson } from '../api/types.ts';
import { MIN_SEARCH_LENGTH, usePeopleSearch } from '../directory/api.ts';
import { fr } from '../i18n/fr.ts';
import { personName, personWithProfession } from '../lib/names.ts';

type Props = { value: DirectoryPerson | null; onChange: (person: DirectoryPerson | null) => void; error?: React.ReactNode };

export function PersonSearch({ value, onChange, error }: Props) {
  const combobox = useCombobox();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const people = usePeopleSearch(q);
  const items = people.data?.items ?? [];
  const searching = q.trim().length >= MIN_SEARCH_LENGTH;

  const pick = (id: string) => {
    const person = items.find((item) => item.id === id) ?? null;
    onChange(person);
    if (person) setSearch(personName(person));
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick}>
      <Combobox.Target>
        <TextInput
          label={fr.team.searchPerson}
          description={value ? fr.team.chosen(personWithProfession(value)) : fr.team.searchPersonHelp}
          value={search}
          error={error ?? (people.isError ? errorMessage(people.error) : undefined)}
          autoComplete="off"
          data-autofocus
          rightSection={people.isFetching ? <Loader size="xs" aria-label={fr.common.loading} /> : null}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            onChange(null);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching || people.isPending}>
        <Combobox.Options>
          {items.map((person) => (
            <Combobox.Option value={person.id} key={person.id}>
              <Text fw={600}>{personWithProfession(person)}</Text>
              {person.structures.length > 0 && <Text size="sm">{person.structures.join(', ')}</Text>}
            </Combobox.Option>
          ))}
          {items.length === 0 && <Combobox.Empty>{fr.team.noPersonFound}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
