"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

const KEY = "hvscope.uploadToken";

const subscribe = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
};

/**
 * The upload token, in memory only unless the user ticks "remember": then in this browser's
 * localStorage, and removed again as soon as the box is unticked. The server renders no token.
 */
export function useRememberedToken() {
  const saved = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(KEY),
    () => null,
  );
  const [typed, setToken] = useState<string | null>(null);
  const [ticked, setRemember] = useState<boolean | null>(null);
  const token = typed ?? saved ?? "";
  const remember = ticked ?? saved !== null;
  // Only the user's own changes write: during hydration `saved` is still the server's null.
  useEffect(() => {
    if (ticked === false) window.localStorage.removeItem(KEY);
    else if (token && (ticked === true || (saved !== null && typed !== null))) window.localStorage.setItem(KEY, token);
  }, [ticked, token, saved, typed]);
  return { token, setToken, remember, setRemember };
}
