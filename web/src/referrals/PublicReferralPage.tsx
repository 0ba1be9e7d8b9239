// The public form: a patient or a relative asks the DAC for help without an account. A honeypot field
// (hidden from people and screen readers) and a signed form token keep bots out; the server also
// limits requests per address. Then the tracking code, shown once.
import { Alert, Anchor, Box, Button, Code, Container, CopyButton, Fieldset, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { requiredField } from '../lib/forms.ts';
import { usePublicReferralForm, useSubmitPublicReferral } from './api.ts';
import { emptyReferralFields, ReferralFields, SERVER_FIELDS, toReferralContent, validateReferralFields, type ReferralFieldValues } from './ReferralFields.tsx';

const p = fr.referrals.publicForm;
const CATEGORIES = ['patient', 'relative', 'other'];

type Values = ReferralFieldValues & { requesterCategory: string; requesterName: string; requesterPhone: string; requesterEmail: string; website: string };

function Sent({ code, structureName }: { code: string; structureName: string }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2}>{p.sentTitle}</Title>
        <Text>{p.sentText(structureName)}</Text>
        <Group>
          <Code fz="xl" fw={700} p="sm" aria-label={p.code}>
            {code}
          </Code>
          <CopyButton value={code}>{({ copied, copy }) => <Button variant="outline" onClick={copy}>{copied ? fr.common.copied : p.copyCode}</Button>}</CopyButton>
        </Group>
        <Anchor component={Link} to={`/demande-appui/suivi?code=${encodeURIComponent(code)}`}>
          {p.track}
        </Anchor>
      </Stack>
    </Paper>
  );
}

export function PublicReferralPage() {
  useDocumentTitle(fr.app.title(p.pageTitle));
  const formData = usePublicReferralForm();
  const submit = useSubmitPublicReferral();
  const [sent, setSent] = useState<{ trackingCode: string; structureName: string } | null>(null);
  const form = useForm<Values>({
    initialValues: { ...emptyReferralFields, requesterCategory: '', requesterName: '', requesterPhone: '', requesterEmail: '', website: '' },
    validate: (values) => ({
      ...validateReferralFields(values),
      ...(!values.requesterCategory ? { requesterCategory: fr.validation.required } : {}),
      ...(!values.requesterName.trim() ? { requesterName: fr.validation.required } : {}),
      ...(!values.requesterPhone.trim() && !values.requesterEmail.trim() ? { requesterPhone: p.contactHelp } : {}),
    }),
  });
  const onSubmit = (values: Values) =>
    submit.mutate(
      {
        ...toReferralContent(values),
        requesterCategory: values.requesterCategory,
        requesterName: values.requesterName.trim(),
        requesterPhone: values.requesterPhone.trim() || null,
        requesterEmail: values.requesterEmail.trim() || null,
        formToken: formData.data!.formToken,
        ...(values.website ? { website: values.website } : {}),
      },
      {
        onSuccess: setSent,
        onError: (error) => {
          if (!isApiError(error, 400)) return;
          for (const path of Object.keys(error.fields)) form.setFieldError(SERVER_FIELDS[path] ?? path, fr.validation.serverField);
        },
      },
    );
  const timing = isApiError(submit.error, 400) ? (submit.error.code === 'referrals.form_too_fast' ? p.tooFast : submit.error.code === 'referrals.form_expired' ? p.expired : null) : null;
  return (
    <Container size="md" py="xl">
      <Stack>
        <Title order={1}>{p.heading}</Title>
        <Text>{p.intro}</Text>
        {sent ? (
          <Sent code={sent.trackingCode} structureName={sent.structureName} />
        ) : formData.isPending ? (
          <Loader aria-label={fr.common.loading} />
        ) : formData.isError ? (
          <ErrorAlert error={formData.error} />
        ) : (
          <Paper withBorder p="md" radius="md" component="form" noValidate onSubmit={form.onSubmit(onSubmit)}>
            <Stack>
              <Fieldset legend={p.you}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NativeSelect
                    label={p.youAre}
                    data={[{ value: '', label: fr.common.choose, disabled: true }, ...CATEGORIES.map((c) => ({ value: c, label: fr.referrals.requesterCategories[c]! }))]}
                    {...requiredField}
                    {...form.getInputProps('requesterCategory')}
                  />
                  <TextInput label={p.yourName} autoComplete="name" {...requiredField} {...form.getInputProps('requesterName')} />
                  <TextInput label={p.yourPhone} type="tel" autoComplete="tel" description={p.contactHelp} {...form.getInputProps('requesterPhone')} />
                  <TextInput label={p.yourEmail} type="email" autoComplete="email" {...form.getInputProps('requesterEmail')} />
                </SimpleGrid>
              </Fieldset>
              {/* the honeypot: off-screen, out of the tab order and of the accessibility tree */}
              <Box aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
                <label>
                  {p.honeypot}
                  <input type="text" name="website" tabIndex={-1} autoComplete="off" {...form.getInputProps('website')} />
                </label>
              </Box>
              <ReferralFields form={form as never} structures={formData.data.structures} personLegend={p.person} />
              <Text size="sm" c="dimmed">
                {p.privacy}
              </Text>
              {timing && <Alert color="orange" role="alert">{timing}</Alert>}
              {submit.isError && !isApiError(submit.error, 400) && <ErrorAlert error={submit.error} />}
              <Group justify="flex-end">
                <Button type="submit" loading={submit.isPending}>
                  {p.submit}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        <Anchor component={Link} to="/demande-appui/suivi">
          {p.track}
        </Anchor>
      </Stack>
    </Container>
  );
}
