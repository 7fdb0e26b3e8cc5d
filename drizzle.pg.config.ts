import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of drizzle.config.ts (docs/decisions/017-postgresql-store.md).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
});
