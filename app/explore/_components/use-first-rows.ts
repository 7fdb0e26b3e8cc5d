"use client";

import { startTransition, useEffect, useState, useSyncExternalStore } from "react";

/**
 * A long list drawn in two passes when it changes or mounts in the browser: its first `first`
 * items at once, the rest in a background render right after, which input can interrupt. A
 * filter change or a switch to this view then shows in the time of a short list. Hydration
 * draws every item, as the server's HTML has them.
 * (useDeferredValue cannot do this here: router navigations are transitions already.)
 */
export function useFirstRows<T>(rows: T[], first: number): T[] {
  const hydrating = !useSyncExternalStore(subscribeToNothing, isBrowserRender, isServerRender);
  const [drawn, setDrawn] = useState(() => ({ rows, all: hydrating || rows.length <= first }));
  if (drawn.rows !== rows) setDrawn({ rows, all: rows.length <= first });
  useEffect(() => {
    if (!drawn.all) startTransition(() => setDrawn((d) => (d.rows === drawn.rows ? { rows: d.rows, all: true } : d)));
  }, [drawn]);
  return drawn.all || drawn.rows !== rows ? rows : rows.slice(0, first);
}

// useSyncExternalStore reads the server snapshot while hydrating and the browser's otherwise.
const subscribeToNothing = () => () => {};
const isBrowserRender = () => true;
const isServerRender = () => false;
