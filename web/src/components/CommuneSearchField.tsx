// A commune to pick: type a name, a postal code or an INSEE code, then pick it (the directory's
// commune filter, the patient's commune of an orientation search). The field shows the commune
// chosen (held as its INSEE code by the page's address) until something else is typed; a button
// clears it when the caller names one. Also, what the fields that add communes one at a time
// (served area of an offer, communes of a territory) give SearchCombobox.
import { CloseButton, Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { CommuneView, Items } from '../api/types.ts';
import { MIN_QUERY_LENGTH, useCommune, useCommuneSearch } from '../directory/queries.ts';
import { fr } from '../i18n/fr.ts';
import type { SearchResults } from './SearchCombobox.tsx';

/** « Angers (49) » */
export function communeText(commune: Pick<CommuneView, 'name' | 'departement'>): string {
  return `${commune.name} (${commune.departement})`;
}

/** A commune as SearchCombobox lists it (keyed by its INSEE code). */
export type CommuneOption = CommuneView & { id: string };

/** A commune search query, in the shape SearchCombobox reads. */
export function communeResults(search: {
  data: Items<CommuneView> | undefined;
  isFetching: boolean;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}): SearchResults<CommuneOption> {
  const items = (search.data?.items ?? []).map((c) => ({ ...c, id: c.insee }));
  return { items, isFetching: search.isFetching, isPending: search.isPending, isError: search.isError, error: search.error };
}

type Props = {
  label: string;
  description: React.ReactNode;
  emptyText: string;
  insee: string | undefined;
  onChange: (commune: CommuneView | null) => void;
  error?: React.ReactNode;
  /** The clear button's label: without it, no clear button. */
  clearLabel?: string;
};

export function CommuneSearchField({ label, description, emptyText, insee, onChange, error, clearLabel }: Props) {
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

  const clear =
    clearLabel && insee ? (
      <CloseButton
        aria-label={clearLabel}
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
          description={description}
          value={shown}
          error={error}
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
          {items.length === 0 && <Combobox.Empty>{emptyText}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
