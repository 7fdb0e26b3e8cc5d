/** SVG props of the ring on the mark with keyboard focus: the page's focus colour (app/globals.css), wide enough to see on any fill. */
export const focusRing = (active: boolean) => (active ? { stroke: "var(--focus-ring)", strokeWidth: 3 } : {});
