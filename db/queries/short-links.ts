import { eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import type { ShortLink } from "@/db/schema";
import { tablesOf } from "@/db/tables";
import { shortIdCandidates } from "@/lib/share/short-id";

/**
 * The short link of a permalink (its `asof` given apart): the stored one when the path has one
 * (the same permalink, the same id), else a new row under the first free id derived from its hash.
 * Rows are never updated or deleted: a short link means what it meant when it was made.
 */
export async function saveShortLink(db: Db, path: string, asof: number): Promise<ShortLink> {
  const { shortLinks } = tablesOf(db);
  // No transaction needed: an insert that meets an existing id does nothing, and the row read
  // back by path tells whether this path owns that id (also when two requests race).
  for (const id of shortIdCandidates(path)) {
    await db.insert(shortLinks).values({ id, path, asof, createdAt: new Date() }).onConflictDoNothing();
    const [row] = await db.select().from(shortLinks).where(eq(shortLinks.path, path));
    if (row) return row;
  }
  throw new Error(`every id derived from ${path} names another link`);
}

export type ShortLinkTarget =
  | { status: "found"; path: string; asof: number }
  /** The link's import is no longer in the database: its numbers cannot be shown. */
  | { status: "data-gone"; path: string; asof: number; createdAt: Date }
  | { status: "unknown" };

/** Where a short id leads, and whether the data it pinned is still there. */
export async function resolveShortLink(db: Db, id: string): Promise<ShortLinkTarget> {
  const { imports, shortLinks } = tablesOf(db);
  const [link] = await db.select().from(shortLinks).where(eq(shortLinks.id, id));
  if (!link) return { status: "unknown" };
  const [pinned] = await db.select({ id: imports.id }).from(imports).where(eq(imports.id, link.asof));
  return pinned
    ? { status: "found", path: link.path, asof: link.asof }
    : { status: "data-gone", path: link.path, asof: link.asof, createdAt: link.createdAt };
}
