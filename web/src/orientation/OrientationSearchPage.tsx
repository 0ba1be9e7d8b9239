// « Trouver une ressource »: the establishments and services that can take the patient in charge,
// ranked (serving the patient's commune, then with free places, then nearest) and explained. The
// criteria live in the address (shareable, the back button restores them); opened from a file, the
// page says for whom, and each result can receive an orientation request.
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Collapse,
  EmptyState,
  Grid,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { FileView, OrientationRequestView, OrientationResult } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { CommuneSearchField, communeText } from '../components/CommuneSearchField.tsx';
import { useCommune } from '../directory/queries.ts';
import { fileKeys } from '../files/api.ts';
import { fr } from '../i18n/fr.ts';
import { ageInYears } from '../lib/dates.ts';
import { patientName } from '../lib/names.ts';
import { notifySuccess } from '../lib/notify.ts';
import { isSearchable, useFileRequests, useOrientationSearch, type OrientationCriteria } from './api.ts';
import { canRequestOnFile } from './format.ts';
import { CARE_KINDS, CONDITIONS, SPECIALTIES, careKindLabels, conditionLabels, labelOf, specialtyLabels } from './labels.ts';
import { OfferResultCard } from './OfferResultCard.tsx';
import { OrientationError } from './OrientationError.tsx';
import { SendRequestModal } from './SendRequestModal.tsx';
import { useUrlState } from './useUrlState.ts';

const texts = fr.orientation.search;
const RADII = [10, 20, 30, 50] as const;
const DEFAULT_RADIUS = 30;
const ALIVE = new Set(['sent', 'waiting_list', 'accepted']);

const options = <T extends string>(values: readonly T[], labels: Record<T, string>, any: string) => [
  { value: '', label: any },
  ...values.map((value) => ({ value, label: labels[value] })),
];
const careKindOptions = options(CARE_KINDS, careKindLabels, texts.anyCareKind);
const specialtyOptions = options(SPECIALTIES, specialtyLabels, texts.anySpecialty);
const conditionOptions = options(CONDITIONS, conditionLabels, texts.anyCondition);

function parseAge(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const age = Number(text);
  return Number.isInteger(age) && age >= 0 && age <= 130 ? age : null;
}

function criteriaFrom(params: URLSearchParams): OrientationCriteria {
  const known = (value: string | null, values: readonly string[]) => (value && values.includes(value) ? value : undefined);
  const radius = Number(params.get('radiusKm'));
  return {
    careKind: known(params.get('careKind'), CARE_KINDS),
    specialty: known(params.get('specialty'), SPECIALTIES),
    condition: known(params.get('condition'), CONDITIONS),
    commune: params.get('commune') || undefined,
    age: parseAge(params.get('age') ?? '') ?? undefined,
    freeOnly: params.get('freeOnly') === 'true',
    radiusKm: (RADII as readonly number[]).includes(radius) ? radius : DEFAULT_RADIUS,
  };
}

/** The need in words, for the request's message: what was searched, else the offer's kind. */
function needOf(criteria: OrientationCriteria, result: OrientationResult | null): string {
  if (criteria.careKind) return labelOf(careKindLabels, criteria.careKind);
  if (criteria.specialty) return labelOf(specialtyLabels, criteria.specialty);
  if (criteria.condition) return labelOf(conditionLabels, criteria.condition);
  return result ? labelOf(careKindLabels, result.offer.careKind) : '';
}

function useOptionalFile(fileId: string | undefined) {
  return useQuery({
    queryKey: fileKeys.detail(fileId ?? ''),
    queryFn: () => api.get<FileView>(`/api/files/${fileId}`),
    enabled: Boolean(fileId),
  });
}

function ForFileBanner({ file, canRequest }: { file: FileView; canRequest: boolean }) {
  const age = fr.dates.age(ageInYears(file.patient.birthDate));
  return (
    <Paper component="section" aria-label={fr.orientation.forFile.label} withBorder p="sm" radius="md" bg="indigo.0">
      <Group justify="space-between" gap="xs">
        <div>
          <Text fw={700} size="lg">
            {fr.orientation.forFile.banner(patientName(file.patient))}
          </Text>
          <Text size="sm">{fr.orientation.forFile.details(age, file.patient.communeName ?? null)}</Text>
        </div>
        <Anchor component={Link} to={`/files/${file.id}?tab=orientation`}>
          {fr.orientation.forFile.backToFile}
        </Anchor>
      </Group>
      {file.status !== 'open' ? (
        <Text size="sm" mt="xs">
          {fr.orientation.forFile.closed}
        </Text>
      ) : (
        !canRequest && (
          <Text size="sm" mt="xs">
            {fr.orientation.forFile.readOnly}
          </Text>
        )
      )}
    </Paper>
  );
}

type SetParams = (changes: Record<string, string | undefined>, replace?: boolean) => void;

function Filters({ criteria, setParams }: { criteria: OrientationCriteria; setParams: SetParams }) {
  const radiusLabelId = useId();
  const urlAge = criteria.age === undefined ? '' : String(criteria.age);
  const [ageText, setAgeText] = useState(urlAge);
  const [typedAge] = useDebouncedValue(ageText, 400);
  const ageValue = parseAge(ageText);
  useEffect(() => setAgeText(urlAge), [urlAge]);
  useEffect(() => {
    const age = parseAge(typedAge);
    if (age !== null && (age === undefined ? '' : String(age)) !== urlAge) setParams({ age: age === undefined ? undefined : String(age) }, true);
    // only when the typing settles
  }, [typedAge]);

  return (
    <Paper withBorder p="md" radius="md" role="search" aria-label={texts.filtersLabel}>
      <Stack gap="md">
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={700} p={0}>
            {texts.need}
          </Text>
          <NativeSelect
            label={texts.careKind}
            data={careKindOptions}
            value={criteria.careKind ?? ''}
            onChange={(event) => setParams({ careKind: event.currentTarget.value || undefined })}
          />
          <NativeSelect
            label={texts.specialty}
            data={specialtyOptions}
            value={criteria.specialty ?? ''}
            onChange={(event) => setParams({ specialty: event.currentTarget.value || undefined })}
          />
          <NativeSelect
            label={texts.condition}
            data={conditionOptions}
            value={criteria.condition ?? ''}
            onChange={(event) => setParams({ condition: event.currentTarget.value || undefined })}
          />
        </Stack>
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={700} p={0}>
            {texts.patient}
          </Text>
          <CommuneSearchField
            label={texts.commune}
            description={texts.communeHelp}
            emptyText={texts.communeEmpty}
            insee={criteria.commune}
            onChange={(commune) => setParams({ commune: commune?.insee })}
          />
          <TextInput
            label={texts.age}
            description={texts.ageHelp}
            inputMode="numeric"
            autoComplete="off"
            value={ageText}
            error={ageValue === null ? texts.ageInvalid : undefined}
            onChange={(event) => setAgeText(event.currentTarget.value.replace(/[^\d]/g, '').slice(0, 3))}
          />
        </Stack>
        <Checkbox
          label={texts.freeOnly}
          checked={criteria.freeOnly}
          onChange={(event) => setParams({ freeOnly: event.currentTarget.checked ? 'true' : undefined })}
        />
        <div>
          <Text id={radiusLabelId} size="sm" fw={500}>
            {texts.radius}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {texts.radiusHelp}
          </Text>
          <SegmentedControl
            role="radiogroup"
            aria-labelledby={radiusLabelId}
            fullWidth
            data={RADII.map((km) => ({ value: String(km), label: texts.km(km) }))}
            value={String(criteria.radiusKm)}
            onChange={(value) => setParams({ radiusKm: Number(value) === DEFAULT_RADIUS ? undefined : value })}
          />
        </div>
      </Stack>
    </Paper>
  );
}

function criteriaSummary(criteria: OrientationCriteria, communeName: string | undefined): string {
  return [
    criteria.careKind && labelOf(careKindLabels, criteria.careKind),
    criteria.specialty && labelOf(specialtyLabels, criteria.specialty),
    criteria.condition && labelOf(conditionLabels, criteria.condition),
    communeName,
    criteria.age !== undefined && fr.dates.age(criteria.age),
    criteria.freeOnly && texts.freeOnlyShort,
    texts.withinKm(criteria.radiusKm),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** On a phone, once a search runs, the criteria fold into one line so that the results come first. */
function FiltersPane({ criteria, setParams }: { criteria: OrientationCriteria; setParams: SetParams }) {
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [opened, { toggle }] = useDisclosure(!isSearchable(criteria));
  const commune = useCommune(criteria.commune);
  const filtersId = useId();
  if (wide || !isSearchable(criteria)) return <Filters criteria={criteria} setParams={setParams} />;
  return (
    <Stack gap="xs">
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={700} size="sm">
              {texts.criteria}
            </Text>
            <Text size="sm">{criteriaSummary(criteria, commune.data ? communeText(commune.data) : undefined)}</Text>
          </div>
          <Button variant="outline" size="xs" style={{ flexShrink: 0 }} aria-expanded={opened} aria-controls={filtersId} onClick={toggle}>
            {opened ? texts.hideCriteria : texts.editCriteria}
          </Button>
        </Group>
      </Paper>
      <Collapse expanded={opened} id={filtersId}>
        <Filters criteria={criteria} setParams={setParams} />
      </Collapse>
    </Stack>
  );
}

function Teaching({ criteria, setParams }: { criteria: OrientationCriteria; setParams: SetParams }) {
  const hasNeed = Boolean(criteria.careKind || criteria.specialty || criteria.condition);
  const missing = hasNeed ? texts.communeMissing : criteria.commune ? texts.needMissing : texts.emptyText;
  const examples: [string, Record<string, string | undefined>][] = [
    [texts.examples[0]!, { careKind: 'smr', freeOnly: 'true' }],
    [texts.examples[1]!, { careKind: 'soins_primaires', freeOnly: 'true' }],
    [texts.examples[2]!, { careKind: 'logement_accompagne' }],
  ];
  return (
    <Paper withBorder p="lg" radius="md">
      <EmptyState title={texts.emptyTitle} description={missing} align="left">
        {!hasNeed && (
          <Stack gap={4} mt="md">
            <Text fw={600}>{texts.examplesTitle}</Text>
            <List spacing={4}>
              {examples.map(([label, changes]) => (
                <List.Item key={label}>
                  <Anchor component="button" type="button" onClick={() => setParams(changes)}>
                    {label}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </EmptyState>
    </Paper>
  );
}

type ResultsProps = {
  criteria: OrientationCriteria;
  setParams: SetParams;
  onRequest?: (result: OrientationResult) => void;
  existing: Map<string, OrientationRequestView>;
};

function Results({ criteria, setParams, onRequest, existing }: ResultsProps) {
  const search = useOrientationSearch(criteria);
  const commune = useCommune(criteria.commune);
  if (!isSearchable(criteria)) return <Teaching criteria={criteria} setParams={setParams} />;
  if (search.isPending)
    return (
      <Stack aria-busy="true" aria-label={texts.updating}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={170} radius="md" />
        ))}
      </Stack>
    );
  if (search.isError) return <OrientationError error={search.error} />;
  const { items, located } = search.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs" align="flex-start">
        <div>
          <Title order={2} size="h4" aria-live="polite">
            {texts.results(items.length)}
          </Title>
          <Text size="sm" c="dimmed">
            {texts.ranking}
          </Text>
        </div>
        {search.isFetching && <Loader size="sm" aria-label={texts.updating} />}
      </Group>
      {!located && (
        <Alert color="orange" variant="light">
          {texts.notLocated(commune.data ? communeText(commune.data) : texts.thisCommune)}
        </Alert>
      )}
      {items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <EmptyState title={texts.noResultsTitle} description={texts.noResultsText} align="left" />
        </Paper>
      ) : (
        <Stack
          component="ol"
          gap="sm"
          p={0}
          m={0}
          aria-label={texts.resultsLabel}
          aria-busy={search.isPlaceholderData || undefined}
          style={{ listStyle: 'none', opacity: search.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
        >
          {items.map((result) => (
            <li key={result.offer.id}>
              <OfferResultCard
                result={result}
                existing={existing.get(result.offer.id)}
                onRequest={onRequest ? () => onRequest(result) : undefined}
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function OrientationSearchPage() {
  useDocumentTitle(fr.app.title(texts.pageTitle));
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useUrlState();
  const criteria = useMemo(() => criteriaFrom(params), [params]);
  const fileId = params.get('fileId') ?? undefined;
  const file = useOptionalFile(fileId);
  const requests = useFileRequests(file.data ? fileId : undefined);
  const [chosen, setChosen] = useState<OrientationResult | null>(null);

  const canRequest = file.data ? file.data.status === 'open' && canRequestOnFile(me, file.data) : false;
  const existing = useMemo(() => {
    const byOffer = new Map<string, OrientationRequestView>();
    // newest first: the first alive request of an offer is the one to show
    for (const request of requests.data ?? []) {
      if (ALIVE.has(request.status) && !byOffer.has(request.offer.id)) byOffer.set(request.offer.id, request);
    }
    return byOffer;
  }, [requests.data]);

  return (
    <Stack>
      <div>
        <Title order={1}>{texts.heading}</Title>
        {/* on a phone from a file, the patient's banner says enough: the results come sooner */}
        <Text visibleFrom={fileId ? 'sm' : undefined}>{texts.intro}</Text>
      </div>
      {file.isError && <OrientationError error={file.error} />}
      {file.data && <ForFileBanner file={file.data} canRequest={canRequest} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <FiltersPane criteria={criteria} setParams={setParams} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Results criteria={criteria} setParams={setParams} existing={existing} onRequest={canRequest ? setChosen : undefined} />
        </Grid.Col>
      </Grid>
      {file.data && (
        <SendRequestModal
          file={file.data}
          me={me}
          result={chosen}
          need={needOf(criteria, chosen)}
          onClose={() => setChosen(null)}
          onSent={(request) => {
            setChosen(null);
            notifySuccess(fr.orientation.request.sent(request.organization.name));
            navigate(`/files/${request.fileId}?tab=orientation`);
          }}
        />
      )}
    </Stack>
  );
}
