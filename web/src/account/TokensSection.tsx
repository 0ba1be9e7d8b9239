// API tokens: create one (shown once, to copy), see when each was used, revoke.
import { Alert, Badge, Button, EmptyState, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { z } from 'zod';
import type { ApiTokenView } from '../api/types.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScrollableTable } from '../components/ScrollableTable.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { fr } from '../i18n/fr.ts';
import { setServerFieldErrors } from '../lib/forms.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useCreateToken, useRevokeToken, useTokens } from './api.ts';

const texts = fr.account.tokens;
const tokenSchema = z.object({ name: z.string().trim().min(1, texts.nameRequired) });

function CreateTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const create = useCreateToken();
  const form = useForm({ initialValues: { name: '' }, validate: zod4Resolver(tokenSchema) });
  const submit = form.onSubmit(({ name }) =>
    create.mutate(name.trim(), {
      onSuccess: ({ token }) => {
        form.reset();
        onCreated(token);
      },
      onError: (error) => setServerFieldErrors(form, error) || notifyError(error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <TextInput label={texts.name} description={texts.nameHelp} w={{ base: '100%', sm: 320 }} {...form.getInputProps('name')} />
        <Button type="submit" loading={create.isPending}>
          {texts.create}
        </Button>
      </Group>
    </form>
  );
}

function TokenRow({ token }: { token: ApiTokenView }) {
  const revoke = useRevokeToken();
  return (
    <Table.Tr>
      <Table.Td>{token.name}</Table.Td>
      <Table.Td>
        <code>{token.prefix}…</code>
      </Table.Td>
      <Table.Td>
        <RelativeTime iso={token.createdAt} />
      </Table.Td>
      <Table.Td>{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : texts.neverUsed}</Table.Td>
      <Table.Td>
        {token.revokedAt ? (
          <Badge color="gray.7">{texts.revoked}</Badge>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Badge color="teal.9">{texts.active}</Badge>
            <ConfirmButton
              size="xs"
              label={texts.revoke}
              ariaLabel={texts.revokeLabel(token.name)}
              title={texts.revokeTitle}
              message={texts.revokeText(token.name)}
              confirmLabel={texts.revoke}
              loading={revoke.isPending}
              onConfirm={(close) =>
                revoke.mutate(token.id, {
                  onSuccess: () => notifySuccess(texts.revokedDone),
                  onError: notifyError,
                  onSettled: close,
                })
              }
            />
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function TokensTable() {
  const tokens = useTokens();
  if (tokens.isPending) return <Loader aria-label={fr.common.loading} />;
  if (tokens.isError) return <ErrorAlert error={tokens.error} />;
  if (tokens.data.items.length === 0) return <EmptyState title={texts.emptyTitle} description={texts.emptyText} />;
  const columns = texts.columns;
  return (
    <ScrollableTable minWidth={640} label={texts.tableLabel}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{columns.name}</Table.Th>
          <Table.Th scope="col">{columns.prefix}</Table.Th>
          <Table.Th scope="col">{columns.createdAt}</Table.Th>
          <Table.Th scope="col">{columns.lastUsedAt}</Table.Th>
          <Table.Th scope="col">{columns.status}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tokens.data.items.map((token) => (
          <TokenRow key={token.id} token={token} />
        ))}
      </Table.Tbody>
    </ScrollableTable>
  );
}

export function TokensSection() {
  const [created, setCreated] = useState<string | null>(null);
  return (
    <Stack component="section" aria-labelledby="tokens-title">
      <Title order={2} id="tokens-title">
        {texts.heading}
      </Title>
      <Text>{texts.intro}</Text>
      <CreateTokenForm onCreated={setCreated} />
      {created && (
        <Alert color="teal" title={texts.createdTitle} withCloseButton closeButtonLabel={fr.common.close} onClose={() => setCreated(null)}>
          <Stack>
            <Text>{texts.createdText}</Text>
            <CopyField label={texts.createdTitle} value={created} copyLabel={texts.copy} />
          </Stack>
        </Alert>
      )}
      <TokensTable />
    </Stack>
  );
}
