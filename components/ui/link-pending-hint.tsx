"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a <Link>: a dot that fades in while the linked page is on its way (only if it takes a
 * moment), and "Loading…" for screen readers. Pages have no loading.tsx (decision 008).
 */
export function LinkPendingHint() {
  const { pending } = useLinkStatus();
  return (
    <span role="status" className="absolute top-1/2 -right-2.5 -translate-y-1/2 leading-none">
      <span
        aria-hidden="true"
        className={`inline-block size-1.5 rounded-full bg-current transition-opacity ${pending ? "animate-pulse opacity-100 delay-150 motion-reduce:animate-none" : "opacity-0"}`}
      />
      <span className="sr-only">{pending ? "Loading…" : ""}</span>
    </span>
  );
}
