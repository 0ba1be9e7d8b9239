// Adding someone to the care team: a professional of the regional directory (added at once when they
// have a Trame account, else invited by e-mail with a secure link), a Trame account, or a professional
// missing from the directory; their role and the period of their membership.
import { Alert, Button, CopyButton, Group, Modal, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { CARE_TEAM_ROLES, type CareTeamRole, type DirectoryPerson, type DirectoryProfessionalView, type InvitationInput } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SearchCombobox } from '../components/SearchCombobox.tsx';
import { fr } from '../i18n/fr.ts';
import { todayInParis } from '../lib/dates.ts';
import { requiredField, selectOptions, setServerFieldErrors } from '../lib/forms.ts';
import { personName } from '../lib/names.ts';
import { notifySuccess } from '../lib/notify.ts';
import { PersonSearch } from './PersonSearch.tsx';
import { useAddMember, useInvite, useProfessionalSearch } from './team-api.ts';

type Source = 'directory' | 'trame' | 'manual';
// people with a Trame account first: they join at once; the directory and the rest are invited
const SOURCES: Source[] = ['trame', 'directory', 'manual'];
const texts = fr.careTeam;
const ROLE_OPTIONS = selectOptions(CARE_TEAM_ROLES, fr.roles.careTeam, fr.team.rolePlaceholder);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Values = { personId: string; professionalId: string; givenName: string; familyName: string; profession: string; email: string; role: string; periodStart: string; periodEnd: string };

function professionalText(professional: DirectoryProfessionalView): string {
  return [personName(professional), professional.professionLabel].filter(Boolean).join(', ');
}

/** The day after `day` (YYYY-MM-DD): the membership ends when the last day chosen is over. */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Today starts now (the server's clock); another day starts at its beginning. */
function periodOf(values: Values) {
  return {
    ...(values.periodStart && values.periodStart !== todayInParis() ? { periodStart: values.periodStart } : {}),
    ...(values.periodEnd ? { periodEnd: dayAfter(values.periodEnd) } : {}),
  };
}

function validate(source: Source) {
  return (values: Values) => {
    const errors: Partial<Record<keyof Values, string>> = {};
    if (source === 'trame' && !values.personId) errors.personId = fr.team.personRequired;
    if (source === 'directory' && !values.professionalId) errors.professionalId = texts.professionalRequired;
    if (source === 'manual' && !values.familyName.trim()) errors.familyName = texts.nameRequired;
    if (source === 'manual' && !values.givenName.trim()) errors.givenName = texts.nameRequired;
    if (source !== 'trame' && values.email.trim() && !EMAIL.test(values.email.trim())) errors.email = texts.emailInvalid;
    if (source === 'manual' && !values.email.trim()) errors.email = texts.emailInvalid;
    if (!values.role) errors.role = fr.team.roleRequired;
    if (values.periodEnd && values.periodStart && values.periodEnd < values.periodStart) errors.periodEnd = texts.periodInvalid;
    return errors;
  };
}

/** Shown once when the mail did not leave: the coordinator passes the link on another way. */
function LinkToPass({ link, notConfigured, onDone }: { link: string; notConfigured: boolean; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="orange" title={texts.linkTitle}>
        {notConfigured ? texts.linkNotConfigured : texts.linkFailed}
      </Alert>
      <TextInput label={texts.link} value={link} readOnly onFocus={(event) => event.currentTarget.select()} />
      <Group justify="flex-end">
        <CopyButton value={link}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? fr.common.copied : texts.copy}</Button>}</CopyButton>
        <Button onClick={onDone}>{texts.done}</Button>
      </Group>
    </Stack>
  );
}

export function AddMemberModal({ fileId, opened, onClose }: { fileId: string; opened: boolean; onClose: () => void }) {
  const add = useAddMember(fileId);
  const invite = useInvite(fileId);
  const [source, setSource] = useState<Source>('trame');
  const [person, setPerson] = useState<DirectoryPerson | null>(null);
  const [professional, setProfessional] = useState<DirectoryProfessionalView | null>(null);
  const [q, setQ] = useState('');
  const professionals = useProfessionalSearch(q);
  const [linkToPass, setLinkToPass] = useState<{ link: string; notConfigured: boolean } | null>(null);
  const form = useForm<Values>({
    initialValues: { personId: '', professionalId: '', givenName: '', familyName: '', profession: '', email: '', role: '', periodStart: todayInParis(), periodEnd: '' },
    validate: (values) => validate(source)(values),
  });
  const mutation = source === 'trame' ? add : invite;

  const close = () => {
    form.reset();
    setSource('trame');
    setPerson(null);
    setProfessional(null);
    setLinkToPass(null);
    add.reset();
    invite.reset();
    onClose();
  };

  const onError = (error: unknown) => setServerFieldErrors(form, error);

  const submit = form.onSubmit((values) => {
    const role = values.role as CareTeamRole;
    if (source === 'trame') {
      add.mutate({ personId: values.personId, role, ...periodOf(values) }, {
        onSuccess: () => {
          notifySuccess(texts.added(person ? personName(person) : ''));
          close();
        },
        onError,
      });
      return;
    }
    const input: InvitationInput =
      source === 'directory'
        ? { professionalId: values.professionalId, role, ...(values.email.trim() ? { email: values.email.trim() } : {}), ...periodOf(values) }
        : { givenName: values.givenName.trim(), familyName: values.familyName.trim(), profession: values.profession.trim() || null, email: values.email.trim(), role, ...periodOf(values) };
    invite.mutate(input, {
      onSuccess: (answer) => {
        if (answer.outcome === 'added') {
          notifySuccess(texts.added(personName(answer.member.person)));
          close();
          return;
        }
        const name = personName(answer.invitation.person);
        if (answer.link) {
          notifySuccess(texts.invited(name));
          setLinkToPass({ link: answer.link, notConfigured: answer.invitation.mailStatus === 'not_configured' });
          return;
        }
        notifySuccess(`${texts.invited(name)} ${texts.mailSent(answer.invitation.email)}`);
        close();
      },
      onError,
    });
  });

  return (
    <Modal opened={opened} onClose={close} title={fr.team.addTitle} size="lg">
      {linkToPass ? (
        <LinkToPass {...linkToPass} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {mutation.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={mutation.error} />}
            <Stack gap={4}>
              <Text size="sm" fw={500} id="member-source">
                {texts.sourceLabel}
              </Text>
              <SegmentedControl
                aria-labelledby="member-source"
                value={source}
                onChange={(value) => {
                  setSource(value as Source);
                  form.clearErrors();
                }}
                data={SOURCES.map((value) => ({ value, label: texts.sources[value] }))}
                fullWidth
              />
            </Stack>
            {source === 'directory' && (
              <SearchCombobox
                label={texts.directorySearch}
                description={professional ? texts.directoryChosen(professionalText(professional)) : texts.directorySearchHelp}
                emptyText={texts.noProfessionalFound}
                error={form.errors.professionalId}
                results={{ ...professionals, items: professionals.data?.items ?? [] }}
                onQueryChange={setQ}
                textOf={personName}
                onChange={(chosen) => {
                  setProfessional(chosen);
                  form.setFieldValue('professionalId', chosen?.id ?? '');
                  form.setFieldValue('email', chosen?.mssante[0] ?? '');
                }}
                renderOption={(item) => (
                  <>
                    <Text fw={600}>{professionalText(item)}</Text>
                    <Text size="sm">
                      {[item.activities.find((a) => !a.gone)?.communeName, texts.mssante(item.mssante.length)].filter(Boolean).join(' · ')}
                    </Text>
                  </>
                )}
              />
            )}
            {source === 'trame' && (
              <PersonSearch
                value={person}
                error={form.errors.personId}
                onChange={(chosen) => {
                  setPerson(chosen);
                  form.setFieldValue('personId', chosen?.id ?? '');
                }}
              />
            )}
            {source === 'manual' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={texts.givenName} {...requiredField} {...form.getInputProps('givenName')} />
                <TextInput label={texts.familyName} {...requiredField} {...form.getInputProps('familyName')} />
                <TextInput label={texts.profession} {...form.getInputProps('profession')} />
              </SimpleGrid>
            )}
            {source !== 'trame' && (
              <TextInput type="email" label={texts.email} description={texts.emailHelp} autoComplete="off" {...form.getInputProps('email')} />
            )}
            <NativeSelect label={fr.team.role} data={ROLE_OPTIONS} {...requiredField} {...form.getInputProps('role')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={texts.periodStart} {...requiredField} {...form.getInputProps('periodStart')} />
              <TextInput type="date" label={texts.periodEnd} description={texts.periodEndHelp} {...form.getInputProps('periodEnd')} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {fr.common.cancel}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {fr.team.confirmAdd}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
