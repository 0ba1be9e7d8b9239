// Criteria kept in the address (shareable, the back button restores them), shown changed at once: the
// router applies a navigation a moment after the click, and a controlled checkbox or list would
// otherwise flicker back to its old value meanwhile.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

export type ParamChanges = Record<string, string | undefined>;

function applied(params: URLSearchParams, changes: ParamChanges): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** `replace` for typing (one history entry when it settles); a new entry for each click otherwise. */
export function useUrlState(): [URLSearchParams, (changes: ParamChanges, replace?: boolean) => void] {
  const [params, setSearchParams] = useSearchParams();
  const [pending, setPending] = useState<ParamChanges | null>(null);
  // the address caught up; or back/forward moved elsewhere before the page ever showed the change
  useEffect(() => setPending(null), [params]);
  useEffect(() => {
    const forget = () => setPending(null);
    window.addEventListener('popstate', forget);
    return () => window.removeEventListener('popstate', forget);
  }, []);
  const shown = useMemo(() => (pending ? applied(params, pending) : params), [params, pending]);
  const change = useCallback(
    (changes: ParamChanges, replace = false) => {
      setPending((previous) => ({ ...previous, ...changes }));
      setSearchParams((previous) => applied(previous, changes), { replace });
    },
    [setSearchParams],
  );
  return [shown, change];
}
