// Vitest runs db/queries outside React Server Components, where `server-only` would throw.
export {};
