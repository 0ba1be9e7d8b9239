// Mon compte: the second factor and the API tokens.
import { Divider, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useCurrentUser } from '../auth/api.ts';
import { fr } from '../i18n/fr.ts';
import { personName } from '../lib/names.ts';
import { TokensSection } from './TokensSection.tsx';
import { TotpSection } from './TotpSection.tsx';

export function AccountPage() {
  useDocumentTitle(fr.app.title(fr.account.pageTitle));
  const me = useCurrentUser();
  return (
    <Stack gap="xl" maw={960}>
      <div>
        <Title order={1}>{fr.account.heading}</Title>
        <Text>
          {personName(me)} · {me.email}
        </Text>
      </div>
      <TotpSection />
      <Divider />
      <TokensSection />
    </Stack>
  );
}
