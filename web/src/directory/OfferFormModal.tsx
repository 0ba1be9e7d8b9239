// « Décrire une offre » / « Modifier »: the whole ROR description of an offer, in the order a
// coordinator reads it (what, for whom, how many places, where, whom to call, when). Says live what
// a complete description still lacks. An edit sends only what changed, with the version read; if
// someone else saved meanwhile, the person reloads the offer and redoes the edit.
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { isApiError } from '../api/client.ts';
import type { DirectoryOrganizationView, OfferInput, OrientationOfferView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { notifySuccess } from '../lib/notify.ts';
import { missingParts } from '../../../src/orientation/rules.ts';
import { DirectoryError } from './DirectoryError.tsx';
import { whenText } from './format.ts';
import { CARE_KINDS, CONDITIONS, SPECIALTIES, careKindLabels, conditionLabels, missingText, optionsOf, specialtyLabels } from './labels.ts';
import { OpeningHoursField, type HoursRow } from './OpeningHoursField.tsx';
import { useCreateOffer, useUpdateOffer } from './queries.ts';
import { ServedAreaField } from './ServedAreaField.tsx';

const texts = fr.offers.form;
const invalid = fr.offers.validation;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

type Values = {
  name: string;
  careKind: string | null;
  specialties: string[];
  allAges: boolean;
  ageMin: number | string;
  ageMax: number | string;
  conditions: string[];
  capacity: number | string;
  freePlaces: number | string;
  servedCommunes: string[];
  contactPhone: string;
  contactEmail: string;
  contactMssante: string;
  openingHours: HoursRow[];
  description: string;
  active: boolean;
};

const numberOf = (value: number | string): number | null => (value === '' || value === null ? null : Number(value));
const textOf = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function valuesOf(offer: OrientationOfferView | null, organization: DirectoryOrganizationView): Values {
  return {
    name: offer?.name ?? '',
    careKind: offer?.careKind ?? null,
    specialties: offer?.specialties ?? [],
    allAges: offer ? offer.ageMin === 0 && offer.ageMax === null : false,
    ageMin: offer?.ageMin ?? '',
    ageMax: offer?.ageMax ?? '',
    conditions: offer?.conditions ?? [],
    capacity: offer?.capacity ?? '',
    freePlaces: offer?.freePlaces ?? '',
    // a new offer serves its establishment's commune, to start with
    servedCommunes: offer?.servedCommunes ?? (organization.communeInsee ? [organization.communeInsee] : []),
    contactPhone: offer?.contactPhone ?? (offer ? '' : (organization.phone ?? '')),
    contactEmail: offer?.contactEmail ?? '',
    contactMssante: offer?.contactMssante ?? (offer ? '' : (organization.mssante[0] ?? '')),
    openingHours: (offer?.openingHours ?? []).map((r) => ({ day: String(r.day), opens: r.opens, closes: r.closes })),
    description: offer?.description ?? '',
    active: offer?.active ?? true,
  };
}

function inputOf(values: Values): OfferInput {
  return {
    name: values.name.trim(),
    careKind: values.careKind ?? '',
    specialties: values.specialties,
    ageMin: values.allAges ? 0 : numberOf(values.ageMin),
    ageMax: values.allAges ? null : numberOf(values.ageMax),
    conditions: values.conditions,
    capacity: numberOf(values.capacity),
    freePlaces: numberOf(values.freePlaces),
    servedCommunes: values.servedCommunes,
    contactPhone: textOf(values.contactPhone),
    contactEmail: textOf(values.contactEmail),
    contactMssante: textOf(values.contactMssante),
    openingHours: values.openingHours.map((r) => ({ day: Number(r.day), opens: r.opens, closes: r.closes })),
    description: textOf(values.description),
    active: values.active,
  };
}

/** Only the fields that differ from the offer as read: an unchanged free-places figure keeps its date. */
function changesOf(input: OfferInput, offer: OrientationOfferView): Partial<OfferInput> {
  const changes: Partial<OfferInput> = {};
  for (const key of Object.keys(input) as (keyof OfferInput)[]) {
    if (JSON.stringify(input[key]) !== JSON.stringify(offer[key])) (changes as Record<string, unknown>)[key] = input[key];
  }
  return changes;
}

function validate(values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = invalid.name;
  if (!values.careKind) errors.careKind = invalid.careKind;
  const count = (key: 'ageMin' | 'ageMax' | 'capacity' | 'freePlaces', max: number, message: string) => {
    const n = numberOf(values[key]);
    if (n !== null && (!Number.isInteger(n) || n < 0 || n > max)) errors[key] = message;
  };
  if (!values.allAges) {
    count('ageMin', 130, invalid.age);
    count('ageMax', 130, invalid.age);
    const [min, max] = [numberOf(values.ageMin), numberOf(values.ageMax)];
    if (!errors.ageMax && min !== null && max !== null && max < min) errors.ageMax = invalid.ageOrder;
  }
  count('capacity', 100_000, invalid.count);
  count('freePlaces', 100_000, invalid.count);
  const [capacity, free] = [numberOf(values.capacity), numberOf(values.freePlaces)];
  if (!errors.freePlaces && capacity !== null && free !== null && free > capacity) errors.freePlaces = invalid.freeOverCapacity;
  if (values.contactEmail.trim() && !EMAIL.test(values.contactEmail.trim())) errors.contactEmail = invalid.email;
  if (values.contactMssante.trim() && !EMAIL.test(values.contactMssante.trim())) errors.contactMssante = invalid.mssante;
  values.openingHours.forEach((row, i) => {
    if (!HOUR.test(row.opens)) errors[`openingHours.${i}.opens`] = invalid.time;
    if (!HOUR.test(row.closes)) errors[`openingHours.${i}.closes`] = invalid.time;
    else if (HOUR.test(row.opens) && row.closes <= row.opens) errors[`openingHours.${i}.closes`] = invalid.closesAfter;
  });
  return errors;
}

/** The server's refusal put on its field (`openingHours[2].closes` from a rule, `contactEmail` from the schema). */
function serverFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error, 400)) return {};
  const byCode: Record<string, [string, string]> = {
    'orientation.age_range': ['ageMax', invalid.ageOrder],
    'orientation.free_places': ['freePlaces', invalid.freeOverCapacity],
  };
  const known = byCode[error.code];
  if (known) return { [known[0]]: known[1] };
  return Object.fromEntries(Object.keys(error.fields).map((path) => [path.replace(/\[(\d+)\]/g, '.$1'), fr.validation.serverField]));
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Title order={3} size="h5" component="legend" mb={4}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

type Props = {
  opened: boolean;
  onClose: () => void;
  /** once closed (the focus is back on the button that opened it) */
  onExited: () => void;
  organization: DirectoryOrganizationView;
  /** null: a new offer */
  offer: OrientationOfferView | null;
  /** Reloads the offers; answers this offer as it now is. */
  onReload: () => Promise<OrientationOfferView | null>;
};

export function OfferFormModal({ opened, onClose, onExited, organization, offer: opening, onReload }: Props) {
  const phone = useMediaQuery('(max-width: 48em)');
  const create = useCreateOffer(organization.id);
  const update = useUpdateOffer(organization.id);
  // the offer as read when the form opened: its version is the one sent, whatever reloads meanwhile
  const [offer, setOffer] = useState(opening);
  const mutation = offer ? update : create;
  const [stale, setStale] = useState(false);
  const [nothing, setNothing] = useState(false);
  const form = useForm<Values>({ initialValues: valuesOf(offer, organization), validate });
  const values = form.getValues();
  const missing = missingParts({ ...inputOf(values), careKind: values.careKind ?? '' });

  const submit = form.onSubmit((submitted) => {
    const input = inputOf(submitted);
    const onError = (error: unknown) => {
      if (isApiError(error, 409)) return setStale(true);
      const fields = serverFieldErrors(error);
      if (Object.keys(fields).length > 0) form.setErrors(fields);
    };
    if (!offer) {
      create.mutate(input, {
        onSuccess: (saved) => {
          notifySuccess(texts.created(saved.name));
          onClose();
        },
        onError,
      });
      return;
    }
    const changes = changesOf(input, offer);
    if (Object.keys(changes).length === 0) return setNothing(true);
    update.mutate(
      { id: offer.id, version: offer.version, changes },
      {
        onSuccess: (saved) => {
          notifySuccess(texts.saved(saved.name));
          onClose();
        },
        onError,
      },
    );
  });

  const reload = async () => {
    const fresh = await onReload();
    if (!fresh) return onClose();
    setOffer(fresh);
    form.setValues(valuesOf(fresh, organization));
    form.resetDirty(valuesOf(fresh, organization));
    setStale(false);
  };

  const ageDisabled = values.allAges;
  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={onExited} title={offer ? texts.editTitle(offer.name) : texts.createTitle} fullScreen={phone} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          {stale && (
            <Alert color="orange" variant="light" role="alert" title={fr.errors.title}>
              <Stack gap="xs" align="flex-start">
                <span>{texts.stale}</span>
                <Button size="compact-sm" variant="white" onClick={reload}>
                  {texts.reload}
                </Button>
              </Stack>
            </Alert>
          )}
          <Section title={texts.sections.what}>
            <TextInput label={texts.name} description={texts.nameHelp} required withAsterisk={false} data-autofocus {...form.getInputProps('name')} />
            <Select
              label={texts.careKind}
              placeholder={texts.careKindPlaceholder}
              data={optionsOf(CARE_KINDS, careKindLabels)}
              searchable
              allowDeselect={false}
              required
              withAsterisk={false}
              nothingFoundMessage={fr.directory.noResultTitle}
              {...form.getInputProps('careKind')}
            />
            <MultiSelect
              label={texts.specialties}
              description={texts.specialtiesHelp}
              placeholder={values.specialties.length === 0 ? texts.specialtiesPlaceholder : undefined}
              data={optionsOf(SPECIALTIES, specialtyLabels)}
              searchable
              clearable
              nothingFoundMessage={fr.directory.noResultTitle}
              {...form.getInputProps('specialties')}
            />
          </Section>
          <Divider />
          <Section title={texts.sections.who}>
            <Checkbox label={texts.allAges} {...form.getInputProps('allAges', { type: 'checkbox' })} />
            <SimpleGrid cols={2} spacing="sm">
              <NumberInput
                label={texts.ageMin}
                min={0}
                max={130}
                allowDecimal={false}
                allowNegative={false}
                disabled={ageDisabled}
                {...form.getInputProps('ageMin')}
                value={ageDisabled ? 0 : values.ageMin}
              />
              <NumberInput
                label={texts.ageMax}
                min={0}
                max={130}
                allowDecimal={false}
                allowNegative={false}
                disabled={ageDisabled}
                {...form.getInputProps('ageMax')}
                value={ageDisabled ? '' : values.ageMax}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt={-6}>
              {texts.ageHelp}
            </Text>
            <MultiSelect
              label={texts.conditions}
              placeholder={values.conditions.length === 0 ? texts.conditionsPlaceholder : undefined}
              data={optionsOf(CONDITIONS, conditionLabels)}
              searchable
              clearable
              nothingFoundMessage={fr.directory.noResultTitle}
              {...form.getInputProps('conditions')}
            />
          </Section>
          <Divider />
          <Section title={texts.sections.places}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <NumberInput label={texts.capacity} description={texts.capacityHelp} min={0} allowDecimal={false} allowNegative={false} {...form.getInputProps('capacity')} />
              <NumberInput
                label={texts.freePlaces}
                description={offer?.freePlacesAt ? `${texts.freePlacesHelp} ${fr.offers.places.lastUpdate(whenText(offer.freePlacesAt))}` : texts.freePlacesHelp}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('freePlaces')}
              />
            </SimpleGrid>
          </Section>
          <Divider />
          <Section title={texts.sections.area}>
            <ServedAreaField value={values.servedCommunes} onChange={(codes) => form.setFieldValue('servedCommunes', codes)} error={form.errors.servedCommunes} />
          </Section>
          <Divider />
          <Section title={texts.sections.contact}>
            <Text size="sm" c="dimmed" mt={-6}>
              {texts.contactHelp}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label={texts.contactPhone} type="tel" autoComplete="off" {...form.getInputProps('contactPhone')} />
              <TextInput label={texts.contactEmail} type="email" autoComplete="off" {...form.getInputProps('contactEmail')} />
              <TextInput label={texts.contactMssante} type="email" autoComplete="off" {...form.getInputProps('contactMssante')} />
            </SimpleGrid>
          </Section>
          <Divider />
          <Section title={texts.sections.hours}>
            <OpeningHoursField value={values.openingHours} onChange={(rows) => form.setFieldValue('openingHours', rows)} errors={form.errors} />
          </Section>
          <Divider />
          <Section title={texts.sections.more}>
            <Textarea label={texts.description} description={texts.descriptionHelp} autosize minRows={3} maxRows={8} maxLength={2000} {...form.getInputProps('description')} />
            <Switch label={texts.active} description={texts.activeHelp} {...form.getInputProps('active', { type: 'checkbox' })} />
          </Section>
          <Alert color={missing.length === 0 ? 'teal' : 'orange'} variant="light" aria-live="polite">
            {missing.length === 0 ? texts.completeNow : texts.missingNow(missingText(missing))}
          </Alert>
          {nothing && <Text size="sm">{texts.nothingChanged}</Text>}
          {mutation.isError && !stale && Object.keys(serverFieldErrors(mutation.error)).length === 0 && <DirectoryError error={mutation.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="subtle" onClick={onClose}>
              {fr.common.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={stale}>
              {offer ? texts.save : texts.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
