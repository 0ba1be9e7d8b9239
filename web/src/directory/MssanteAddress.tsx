// A secure health messaging address (MSSanté) on one line, with a button that copies it: what a
// professional comes to the directory for, to paste it into their messaging software.
import { Button, CopyButton, Group, Text } from '@mantine/core';
import { fr } from '../i18n/fr.ts';

const texts = fr.directory;

export function MssanteAddress({ address, withLabel = true }: { address: string; withLabel?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" align="center" miw={0}>
      {withLabel && (
        <Text size="sm" fw={600} style={{ flex: 'none' }}>
          {texts.mssante}
        </Text>
      )}
      <Text size="sm" style={{ wordBreak: 'break-all', minWidth: 0 }}>
        {address}
      </Text>
      <CopyButton value={address}>
        {({ copied, copy }) => (
          <Button size="compact-sm" variant="light" onClick={copy} aria-label={copied ? texts.copied : texts.copyAddress(address)} style={{ flex: 'none' }}>
            {copied ? fr.common.copied : texts.copy}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
