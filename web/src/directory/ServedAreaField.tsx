// The communes an offer serves: added one at a time by search, or all those of a territory (DAC,
// CPTS) at once; the count always in view, the list on demand (it can hold a hundred communes).
import { Badge, Button, CloseButton, Collapse, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { communeResults, type CommuneOption } from '../components/CommuneSearchField.tsx';
import { SearchCombobox } from '../components/SearchCombobox.tsx';
import { fr } from '../i18n/fr.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useCommuneNames, useCommuneSearch, useFetchTerritory, useTerritoryList } from './queries.ts';

const texts = fr.offers.form;
const collator = new Intl.Collator('fr', { sensitivity: 'base' });

type Props = { value: string[]; onChange: (codes: string[]) => void; error?: React.ReactNode };

export function ServedAreaField({ value, onChange, error }: Props) {
  const [q, setQ] = useState('');
  const search = useCommuneSearch(q);
  const [listed, list] = useDisclosure(false);
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const known = useCommuneNames(value, listed);
  const territories = useTerritoryList(true);
  const fetchTerritory = useFetchTerritory();
  const [territoryId, setTerritoryId] = useState('');
  const [adding, setAdding] = useState(false);
  const nameOf = (code: string) => picked.get(code) ?? known.get(code) ?? code;

  const codes = new Set(value);

  const pick = (item: CommuneOption | null) => {
    if (!item) return;
    setPicked((names) => new Map(names).set(item.insee, item.name));
    if (codes.has(item.insee)) return notifySuccess(texts.communeAlready(item.name));
    onChange([...value, item.insee]);
    notifySuccess(texts.communeAdded(item.name));
  };

  const addTerritory = async () => {
    setAdding(true);
    try {
      const territory = await fetchTerritory(territoryId);
      const fresh = territory.communes.filter((c) => !codes.has(c.insee));
      setPicked((names) => {
        const next = new Map(names);
        for (const c of territory.communes) next.set(c.insee, c.name);
        return next;
      });
      onChange([...value, ...fresh.map((c) => c.insee)]);
      notifySuccess(texts.territoryAdded(fresh.length, territory.name));
      setTerritoryId('');
    } catch (failure) {
      notifyError(failure);
    } finally {
      setAdding(false);
    }
  };

  const sorted = [...value].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
  const territoryItems = territories.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} c={error ? 'var(--mantine-color-error)' : undefined} aria-live="polite">
        {texts.areaCount(value.length)}
      </Text>
      {error && (
        <Text size="sm" c="var(--mantine-color-error)">
          {error}
        </Text>
      )}
      <SearchCombobox<CommuneOption>
        label={texts.addCommune}
        description={texts.addCommuneHelp}
        emptyText={fr.directory.communeEmpty}
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
              {item.postalCodes.join(', ')} · {item.departementName}
            </Text>
          </div>
        )}
        onChange={pick}
      />
      {territoryItems.length > 0 && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label={texts.territory}
            description={texts.territoryHelp}
            value={territoryId}
            onChange={(event) => setTerritoryId(event.currentTarget.value)}
            data={[
              { value: '', label: texts.territoryPlaceholder, disabled: true },
              ...territoryItems.map((t) => ({ value: t.id, label: `${t.name} (${fr.territories.communes(t.communeCount)})` })),
            ]}
            style={{ flex: '1 1 16rem' }}
          />
          <Button variant="light" onClick={addTerritory} disabled={!territoryId} loading={adding}>
            {texts.addTerritory}
          </Button>
        </Group>
      )}
      {value.length > 0 && (
        <Group gap="xs">
          <Button size="compact-sm" variant="subtle" onClick={list.toggle} aria-expanded={listed}>
            {listed ? texts.hideCommunes : texts.showCommunes(value.length)}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange([])}>
            {texts.removeAll}
          </Button>
        </Group>
      )}
      <Collapse expanded={listed && value.length > 0}>
        <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {sorted.map((code) => (
            <Badge
              component="li"
              key={code}
              variant="light"
              color="gray"
              size="lg"
              pr={2}
              rightSection={<CloseButton size="sm" aria-label={texts.removeCommune(nameOf(code))} onClick={() => onChange(value.filter((c) => c !== code))} />}
            >
              {nameOf(code)}
            </Badge>
          ))}
        </Group>
      </Collapse>
    </Stack>
  );
}
