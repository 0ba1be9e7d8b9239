// The header's patient search (Ctrl+K): Enter opens the Patients page on this search.
import { Box, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { fr } from '../i18n/fr.ts';

export function QuickPatientSearch() {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  useHotkeys([['mod+K', () => input.current?.focus()]], []);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!q.trim()) return;
    navigate(`/patients?${new URLSearchParams({ q: q.trim() })}`);
    setQ('');
  };

  return (
    <Box component="form" role="search" aria-label={fr.header.quickSearchLabel} onSubmit={submit} visibleFrom="sm" style={{ flex: 1, maxWidth: 420 }}>
      <TextInput
        ref={input}
        aria-label={fr.header.quickSearch}
        placeholder={fr.header.quickSearchPlaceholder}
        type="search"
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
      />
    </Box>
  );
}
