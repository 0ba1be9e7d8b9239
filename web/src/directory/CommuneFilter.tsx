// A commune to filter the directory by: type a name, a postal code or an INSEE code, then pick it.
// The field shows the commune chosen (held as its INSEE code by the page's address) until something
// else is typed; a button clears it.
import { CloseButton, Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { CommuneView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { MIN_QUERY_LENGTH, useCommune, useCommuneSearch } from './queries.ts';

const texts = fr.directory;

/** « Angers (49) » */
export function communeText(commune: Pick<CommuneView, 'name' | 'departement'>): string {
  return `${commune.name} (${commune.departement})`;
}

type Props = { label: string; insee: string | undefined; onChange: (commune: CommuneView | null) => void };

export function CommuneFilter({ label, insee, onChange }: Props) {
  const combobox = useCombobox();
  const chosen = useCommune(insee);
  // null while nothing is typed: the field then shows the chosen commune
  const [typed, setTyped] = useState<string | null>(null);
  const [q] = useDebouncedValue((typed ?? '').trim(), 200);
  const results = useCommuneSearch(q);
  const items = results.data?.items ?? [];
  const searching = q.length >= MIN_QUERY_LENGTH;
  const shown = typed ?? (chosen.data ? communeText(chosen.data) : (insee ?? ''));

  const pick = (code: string) => {
    const commune = items.find((c) => c.insee === code) ?? null;
    if (commune) onChange(commune);
    setTyped(null);
    combobox.closeDropdown();
  };

  const clear = insee ? (
    <CloseButton
      aria-label={texts.clearCommune}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        setTyped(null);
        onChange(null);
      }}
    />
  ) : null;

  return (
    <Combobox store={combobox} onOptionSubmit={pick}>
      <Combobox.Target>
        <TextInput
          label={label}
          description={texts.communeHelp}
          value={shown}
          autoComplete="off"
          rightSection={results.isFetching || chosen.isFetching ? <Loader size="xs" aria-label={fr.common.loading} /> : clear}
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
