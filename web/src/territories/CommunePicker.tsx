// Adding communes to a territory: one at a time by name, postal code or INSEE code, or all the
// communes of a département, an arrondissement or an intercommunalité of the région at once.
import { Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CommuneGroup, CommuneGroupKind, CommuneView, TerritoryCommune } from '../api/types.ts';
import { errorMessage } from '../api/errors.ts';
import { communeResults, type CommuneOption } from '../components/CommuneSearchField.tsx';
import { SearchCombobox } from '../components/SearchCombobox.tsx';
import { fr } from '../i18n/fr.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useCommuneGroups, useCommuneSearch, useFetchGroupCommunes, type CommuneScope } from './api.ts';

const texts = fr.territories.add;

function toCommune(view: CommuneView): TerritoryCommune {
  return { insee: view.insee, name: view.name, postalCodes: view.postalCodes, population: view.population };
}

type Props = {
  included: ReadonlySet<string>;
  /** Adds communes; answers how many were not in the territory yet. */
  onAdd: (communes: TerritoryCommune[]) => number;
};

function CommuneSearch({ included, onAdd, regionName }: Props & { regionName: string | undefined }) {
  const [q, setQ] = useState('');
  const [scope, setScope] = useState<CommuneScope>('region');
  const search = useCommuneSearch(q, scope);
  const pick = (item: CommuneOption | null) => {
    if (!item) return;
    const added = onAdd([toCommune(item)]);
    notifySuccess(added > 0 ? texts.added(item.name) : texts.alreadyAdded(item.name));
  };
  return (
    <Stack gap={6}>
      <SearchCombobox<CommuneOption>
        label={texts.commune}
        description={scope === 'france' || !regionName ? texts.communeHelpFrance : texts.communeHelp(regionName)}
        emptyText={texts.noMatch}
        results={communeResults(search)}
        onQueryChange={setQ}
        textOf={(item) => item.name}
        clearOnPick
        renderOption={(item) => (
          <div>
            <Text size="sm" fw={600}>
              {item.name}
            </Text>
            <Text size="xs" c="dimmed">
              {texts.option(item.postalCodes, item.departementName, item.population)}
              {included.has(item.insee) && ` · ${texts.alreadyIn}`}
            </Text>
          </div>
        )}
        onChange={pick}
      />
      <Checkbox label={texts.everywhere} checked={scope === 'france'} onChange={(event) => setScope(event.currentTarget.checked ? 'france' : 'region')} />
    </Stack>
  );
}

const KINDS: CommuneGroupKind[] = ['departement', 'arrondissement', 'epci'];

function GroupAdder({ onAdd }: Props) {
  const groups = useCommuneGroups();
  const fetchGroup = useFetchGroupCommunes();
  const [chosen, setChosen] = useState('');
  const [adding, setAdding] = useState(false);
  const listOf: Record<CommuneGroupKind, CommuneGroup[]> = {
    departement: groups.data?.departements ?? [],
    arrondissement: groups.data?.arrondissements ?? [],
    epci: groups.data?.epcis ?? [],
  };
  const data = [
    { value: '', label: groups.isPending ? fr.common.loading : texts.groupPlaceholder, disabled: true },
    ...KINDS.map((kind) => ({
      group: texts.groupKinds[kind],
      // An EPCI's code is its SIREN: nobody knows it, its name says enough.
      items: listOf[kind].map((g) => ({ value: `${kind}:${g.code}`, label: texts.groupOption(g.name, kind === 'epci' ? null : g.code, g.communeCount) })),
    })),
  ];
  const add = async () => {
    const [kind, code] = chosen.split(':') as [CommuneGroupKind, string];
    setAdding(true);
    try {
      const { items } = await fetchGroup(kind, code);
      const added = onAdd(items.map(toCommune));
      notifySuccess(texts.groupAdded(added, items.length - added));
      setChosen('');
    } catch (error) {
      notifyError(error);
    } finally {
      setAdding(false);
    }
  };
  return (
    <Stack gap={6}>
      <NativeSelect
        label={texts.group}
        description={texts.groupHelp}
        data={data}
        value={chosen}
        onChange={(event) => setChosen(event.currentTarget.value)}
        error={groups.isError ? errorMessage(groups.error) : undefined}
      />
      <Group>
        <Button variant="light" onClick={add} disabled={!chosen} loading={adding}>
          {texts.addGroup}
        </Button>
      </Group>
    </Stack>
  );
}

export function CommunePicker(props: Props) {
  const groups = useCommuneGroups();
  return (
    <Stack gap="lg">
      <CommuneSearch {...props} regionName={groups.data?.region.name} />
      <GroupAdder {...props} />
    </Stack>
  );
}
