import pg from "pg";

/** `url` with its database replaced by `name` (same server, user and options). */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** A name PostgreSQL takes unquoted: lower-case letters, digits and underscores, at most 63 bytes. */
export function scratchName(prefix: string, label: string): string {
  const name = `${prefix}_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  if (!/^[a-z_]/.test(name) || name.length > 63) throw new Error(`"${name}" is not a usable database name`);
  return name;
}

/** Every set with databases still on a server, for `dropEveryScratch` when the run is interrupted. */
const live = new Set<ScratchDatabases>();

/** Drops every throwaway database still on a server (bench:perf's SIGINT handler: `finally` does not run on exit). */
export async function dropEveryScratch(): Promise<void> {
  await Promise.allSettled([...live].map((s) => s.dropAll()));
}

/**
 * Throwaway databases on the server that `url` names, for the benchmark's fresh imports: each
 * created empty (C locale, as docs/decisions/017-postgresql-store.md wants) and dropped after use,
 * and every one still there dropped by `dropAll`, also when a run failed.
 */
export class ScratchDatabases {
  private readonly created = new Set<string>();
  constructor(
    private readonly url: string,
    private readonly prefix = `hvscope_bench_${process.pid}`,
  ) {}

  /** Creates the database `label` (dropping a leftover of the same name) and returns its URL. */
  async create(label: string): Promise<string> {
    const name = scratchName(this.prefix, label);
    await this.admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      this.created.add(name);
      live.add(this);
      await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    }).catch((e: unknown) => {
      throw new Error(
        `could not create the throwaway database ${name} on ${new URL(this.url).host} (the user needs CREATEDB): ${e instanceof Error ? e.message : String(e)}`,
      );
    });
    return databaseUrl(this.url, name);
  }

  async drop(label: string): Promise<void> {
    const name = scratchName(this.prefix, label);
    await this.admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    this.created.delete(name);
  }

  async dropAll(): Promise<void> {
    for (const name of [...this.created]) {
      await this.admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      this.created.delete(name);
    }
    live.delete(this);
  }

  /** CREATE and DROP DATABASE cannot run inside the database they name: a short connection to the measured one. */
  private async admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
}
