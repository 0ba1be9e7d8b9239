// The DAC mission and the support level of a file, as the national activity report counts them; those
// who may update the file change them in place.
import { Group, NativeSelect, Text } from '@mantine/core';
import type { FileView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useUpdateFile } from './api.ts';

const texts = fr.files.page;

export function FileReporting({ file }: { file: FileView }) {
  const update = useUpdateFile(file);
  if (!file.permissions.canUpdate) {
    return (
      <Text size="sm">
        {file.mission ? fr.referrals.missions[file.mission] : texts.noMission} · {texts.supportLevel}
        {'\u00a0:'} {file.supportLevel ? fr.referrals.supportLevels[file.supportLevel] : '—'}
      </Text>
    );
  }
  const save = (change: { mission?: string | null; supportLevel?: string | null }) =>
    update.mutate(change, { onSuccess: () => notifySuccess(texts.reportingSaved), onError: notifyError });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        size="xs"
        label={texts.mission}
        description={texts.reportingHelp}
        value={file.mission ?? ''}
        onChange={(event) => save({ mission: event.currentTarget.value || null })}
        data={[{ value: '', label: texts.noMission }, ...Object.entries(fr.referrals.missions).map(([value, label]) => ({ value, label }))]}
      />
      <NativeSelect
        size="xs"
        label={texts.supportLevel}
        value={file.supportLevel ?? ''}
        onChange={(event) => save({ supportLevel: event.currentTarget.value || null })}
        data={[{ value: '', label: texts.noSupportLevel }, ...Object.entries(fr.referrals.supportLevels).map(([value, label]) => ({ value, label }))]}
      />
    </Group>
  );
}
