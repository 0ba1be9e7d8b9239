// Type a name, then pick one of the suggestions: the one search-and-pick field of the app (a
// professional for the care team, another patient record for a duplicate).
import { Combobox, Loader, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { MIN_SEARCH_LENGTH } from '../directory/api.ts';
import { fr } from '../i18n/fr.ts';

/** What the caller's search query gives back (a TanStack query answers this shape). */
export type SearchResults<T> = { items: T[]; isFetching: boolean; isPending: boolean; isError: boolean; error: unknown };

type Props<T extends { id: string }> = {
  label: string;
  description: React.ReactNode;
  emptyText: string;
  required?: boolean;
  error?: React.ReactNode;
  results: SearchResults<T>;
  /** The debounced text typed, for the caller's query. */
  onQueryChange: (q: string) => void;
  /** What the field shows once an item is picked. */
  textOf: (item: T) => string;
  renderOption: (item: T) => React.ReactNode;
  onChange: (item: T | null) => void;
  /** Empty the field once an item is picked, to pick several in a row (communes of a territory). */
  clearOnPick?: boolean;
};

export function SearchCombobox<T extends { id: string }>(props: Props<T>) {
  const { results, onQueryChange, onChange } = props;
  const combobox = useCombobox();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  useEffect(() => onQueryChange(q), [q, onQueryChange]);
  const searching = q.length >= MIN_SEARCH_LENGTH;

  const pick = (id: string) => {
    const item = results.items.find((candidate) => candidate.id === id) ?? null;
    onChange(item);
    if (item) setSearch(props.clearOnPick ? '' : props.textOf(item));
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick}>
      <Combobox.Target>
        <TextInput
          label={props.label}
          description={props.description}
          value={search}
          error={props.error ?? (results.isError ? errorMessage(results.error) : undefined)}
          autoComplete="off"
          required={props.required}
          withAsterisk={false}
          data-autofocus
          rightSection={results.isFetching ? <Loader size="xs" aria-label={fr.common.loading} /> : null}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            onChange(null);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching || results.isPending}>
        <Combobox.Options>
          {results.items.map((item) => (
            <Combobox.Option value={item.id} key={item.id}>
              {props.renderOption(item)}
            </Combobox.Option>
          ))}
          {results.items.length === 0 && <Combobox.Empty>{props.emptyText}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
