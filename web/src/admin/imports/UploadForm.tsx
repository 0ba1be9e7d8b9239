// Sends an extraction as it was downloaded: which directory it is (guessed from its name), the file,
// and whether it is partial (then nothing absent from it is marked gone). Then opens the run.
import { Alert, Button, Checkbox, FileInput, Progress, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DIRECTORY_IMPORT_KINDS, type DirectoryImportKind } from '../../api/types.ts';
import { DirectoryError } from '../../directory/DirectoryError.tsx';
import { fr } from '../../i18n/fr.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useStartImport } from './api.ts';
import { kindOfFileName, kindText } from './format.ts';

const texts = fr.imports.upload;

export function UploadForm() {
  const navigate = useNavigate();
  const [kind, setKind] = useState<DirectoryImportKind | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [partial, setPartial] = useState(false);
  const [guessed, setGuessed] = useState(false);
  const [errors, setErrors] = useState<{ kind?: string; file?: string }>({});
  const [sent, setSent] = useState(0);
  const start = useStartImport((done, total) => setSent(total > 0 ? Math.round((done / total) * 100) : 0));
  const named = file ? kindOfFileName(file.name) : null;

  const pickFile = (picked: File | null) => {
    setFile(picked);
    setErrors((e) => ({ ...e, file: undefined }));
    const guess = picked ? kindOfFileName(picked.name) : null;
    if (guess && (kind === '' || guessed)) {
      setKind(guess);
      setGuessed(true);
      setErrors((e) => ({ ...e, kind: undefined }));
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problems = { kind: kind ? undefined : texts.kindRequired, file: file ? undefined : texts.fileRequired };
    setErrors(problems);
    if (!kind || !file) return;
    setSent(0);
    start.mutate(
      { kind, file, partial },
      {
        onSuccess: (run) => {
          notifySuccess(texts.started(run.fileName));
          navigate(`/admin/imports/${run.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Radio.Group
          label={texts.kind}
          value={kind}
          onChange={(value) => {
            setKind(value as DirectoryImportKind);
            setGuessed(false);
            setErrors((e) => ({ ...e, kind: undefined }));
          }}
          error={errors.kind}
        >
          <Stack gap="xs" mt={6}>
            {DIRECTORY_IMPORT_KINDS.map((value) => (
              <Radio key={value} value={value} label={fr.imports.kinds[value]} description={fr.imports.kindFiles[value]} />
            ))}
          </Stack>
        </Radio.Group>
        <FileInput
          label={texts.file}
          description={texts.fileHelp}
          clearButtonProps={{ 'aria-label': texts.clearFile }}
          placeholder={texts.filePlaceholder}
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          value={file}
          onChange={pickFile}
          accept=".txt,.csv,text/plain,text/csv"
          clearable
          error={errors.file}
        />
        {file && named && guessed && kind === named && (
          <Text size="sm" c="dimmed">
            {texts.kindGuessed(kindText(named))}
          </Text>
        )}
        {file && named && kind && kind !== named && (
          <Alert color="orange" variant="light">
            {texts.kindMismatch(kindText(named))}
          </Alert>
        )}
        <Checkbox label={texts.partial} description={texts.partialHelp} checked={partial} onChange={(event) => setPartial(event.currentTarget.checked)} />
        {start.isPending && (
          <Stack gap={4}>
            <Progress.Root>
              <Progress.Section value={sent} aria-label={texts.sendingLabel} />
            </Progress.Root>
            <Text size="sm" aria-live="polite">
              {texts.sending(sent)}
            </Text>
          </Stack>
        )}
        {start.isError && <DirectoryError error={start.error} />}
        <div>
          <Button type="submit" loading={start.isPending}>
            {texts.submit}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
