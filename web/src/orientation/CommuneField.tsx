// The patient's commune: type a name, a postal code or an INSEE code, then pick it. The field shows
// the commune chosen (held as its INSEE code by the page's address) until something else is typed.
import { Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { CommuneView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { MIN_COMMUNE_SEARCH, useCommune, useCommuneSearch } from './api.ts';

const texts = fr.orientation.search;

/** « Angers (49) » */
export function communeText(commune: Pick<CommuneView, 'name' | 'departement'>): string {
  return `${commune.name} (${commune.departement})`;
}

type Props = { insee: string | undefined; onChange: (commune: CommuneView | null) => void; error?: React.ReactNode };

export function CommuneField({ insee, onChange, error }: Props) {
  const combobox = useCombobox();
  const chosen = useCommune(insee);
  // null while nothing is typed: the field then shows the chosen commune
  const [typed, setTyped] = useState<string | null>(null);
  const [q] = useDebouncedValue((typed ?? '').trim(), 200);
  const results = useCommuneSearch(q);
  const items = results.data?.items ?? [];
  const searching = q.length >= MIN_COMMUNE_SEARCH;
  const shown = typed ?? (chosen.data ? communeText(chosen.data) : (insee ?? ''));

  const pick = (code: string) => {
    const commune = items.find((c) => c.insee === code) ?? null;
    if (commune) onChange(commune);
    setTyped(null);
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick}>
      <Combobox.Target>
        <TextInput
          label={texts.commune}
          description={texts.communeHelp}
          value={shown}
          error={error}
          autoComplete="off"
          rightSection={results.isFetching || chosen.isFetching ? <Loader size="xs" aria-label={fr.common.loading} /> : null}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setTyped(value);
            if (value.trim() === '') onChange(null);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onFocus={(event) => {
            event.currentTarget.select();
            if (typed) combobox.openDropdown();
          }}
          onBlur={() => {
            combobox.closeDropdown();
            setTyped(null);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching || results.isPending}>
        <Combobox.Options>
          {items.map((commune) => (
            <Combobox.Option value={commune.insee} key={commune.insee}>
              <Text size="sm" fw={500}>
                {commune.name}
              </Text>
              <Text size="xs" c="dimmed">
                {commune.postalCodes.join(', ')} · {commune.departementName}
              </Text>
            </Combobox.Option>
          ))}
          {items.length === 0 && <Combobox.Empty>{texts.communeEmpty}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
