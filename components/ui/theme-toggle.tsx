"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** Cycles system → light → dark; renders nothing until mounted (the theme is unknown on the server). */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  // true in the browser, false while rendering on the server and hydrating: no extra render pass.
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!mounted) return <span className="w-24" />;
  const next = theme === "system" ? "light" : theme === "light" ? "dark" : "system";
  return (
    <button
      type="button"
      className="button"
      onClick={() => setTheme(next)}
      aria-label={`Colour theme: ${theme}. Switch to ${next}`}
    >
      Theme: {theme}
    </button>
  );
}
