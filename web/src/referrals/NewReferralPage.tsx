// « Nouvelle demande d'appui » from the app (a professional refers a patient to the DAC), or « Saisir
// un appel » for the DAC's staff: the same request, with who called.
import { Button, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useStructures } from '../directory/api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { requiredField } from '../lib/forms.ts';
import { notifySuccess } from '../lib/notify.ts';
import { useSubmitReferral } from './api.ts';
import { emptyReferralFields, ReferralFields, SERVER_FIELDS, toReferralContent, validateReferralFields, type ReferralFieldValues } from './ReferralFields.tsx';

const f = fr.referrals.newForm;
const CALLER_CATEGORIES = ['patient', 'relative', 'gp', 'nurse', 'pharmacist', 'specialist', 'other_health_professional', 'hospital', 'esms', 'home_care', 'social_worker', 'other'];

type Values = ReferralFieldValues & { requesterCategory: string; requesterName: string; requesterPhone: string };

export function NewReferralPage() {
  const phone = useSearchParams()[0].get('channel') === 'phone';
  useDocumentTitle(fr.app.title(phone ? f.phoneHeading : f.pageTitle));
  const me = useCurrentUser();
  const navigate = useNavigate();
  const structures = (useStructures().data?.items ?? []).filter((s) => s.kind === 'dac' || s.kind === 'cpts');
  const submit = useSubmitReferral();
  const form = useForm<Values>({
    initialValues: { ...emptyReferralFields, structureId: phone ? (me.acting?.structureId ?? '') : '', requesterCategory: '', requesterName: '', requesterPhone: '' },
    validate: (values) => ({
      ...validateReferralFields(values),
      ...(phone && !values.requesterName.trim() ? { requesterName: fr.validation.required } : {}),
      ...(phone && !values.requesterCategory ? { requesterCategory: fr.validation.required } : {}),
    }),
  });
  const onSubmit = (values: Values) =>
    submit.mutate(
      {
        ...toReferralContent(values),
        channel: phone ? 'phone' : 'app',
        ...(phone ? { requesterCategory: values.requesterCategory, requesterName: values.requesterName.trim(), requesterPhone: values.requesterPhone.trim() || null } : {}),
      },
      {
        onSuccess: (referral) => {
          notifySuccess(f.sent);
          navigate(`/referrals/${referral.id}`);
        },
        onError: (error) => {
          if (!isApiError(error, 400)) return;
          for (const path of Object.keys(error.fields)) form.setFieldError(SERVER_FIELDS[path] ?? path, fr.validation.serverField);
        },
      },
    );
  return (
    <Stack maw={820}>
      <div>
        <Title order={1}>{phone ? f.phoneHeading : f.heading}</Title>
        <Text>{phone ? f.phoneIntro : f.intro}</Text>
      </div>
      <Paper withBorder p="md" radius="md" component="form" noValidate onSubmit={form.onSubmit(onSubmit)}>
        <Stack>
          {phone && (
            <Fieldset legend={f.requesterCategory}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  label={f.requesterCategory}
                  data={[{ value: '', label: fr.common.choose, disabled: true }, ...CALLER_CATEGORIES.map((c) => ({ value: c, label: fr.referrals.requesterCategories[c]! }))]}
                  {...requiredField}
                  {...form.getInputProps('requesterCategory')}
                />
                <TextInput label={f.requesterName} {...requiredField} {...form.getInputProps('requesterName')} />
                <TextInput label={f.requesterPhone} type="tel" {...form.getInputProps('requesterPhone')} />
              </SimpleGrid>
            </Fieldset>
          )}
          <ReferralFields form={form as never} structures={structures} personLegend={fr.referrals.detail.person} />
          {submit.isError && !isApiError(submit.error, 400) && <ErrorAlert error={submit.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={submit.isPending}>
              {phone ? f.submitPhone : f.submit}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
