"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * A long list drawn in two passes when it changes: its first `first` items at once, the rest in
 * a background render right after, which input can interrupt. A filter change then shows its
 * result in the time of a short list. Hydration draws every item, as the server's HTML has them.
 * (useDeferredValue cannot do this here: router navigations are transitions already.)
 */
export function useFirstRows<T>(rows: T[], first: number): T[] {
  const [drawn, setDrawn] = useState({ rows, all: true });
  if (drawn.rows !== rows) setDrawn({ rows, all: rows.length <= first });
  useEffect(() => {
    if (!drawn.all) startTransition(() => setDrawn((d) => (d.rows === drawn.rows ? { rows: d.rows, all: true } : d)));
  }, [drawn]);
  return drawn.all || drawn.rows !== rows ? rows : rows.slice(0, first);
}
