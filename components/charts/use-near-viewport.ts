"use client";

import { useEffect, useRef, useState } from "react";

/**
 * True from the moment the element comes within `margin` of the viewport, and from then on.
 * The intersection is first known after the frame that laid the element out, so whatever the
 * flag gates is drawn after that frame: a view of 24 charts paints its tables first and draws
 * only the charts on screen, the others when scrolled to. False on the server and during
 * hydration, so both render the same empty slot.
 */
export function useNearViewport<E extends Element>(margin: string) {
  const ref = useRef<E>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || element === null) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: margin,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, margin]);
  return [ref, near] as const;
}
