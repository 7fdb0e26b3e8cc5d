import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import type { UploadToken } from "@/db/schema";
import { tablesOf } from "@/db/tables";
import { hashToken, newToken, sameHash } from "@/lib/upload/token";

export type TokenListing = Pick<UploadToken, "name" | "datasetPattern" | "createdAt">;

/** Stores a new token's hash under `name` and returns the token itself, which is never stored. */
export async function createUploadToken(db: Db, name: string, datasetPattern: string | null): Promise<string> {
  const { uploadTokens } = tablesOf(db);
  const [existing] = await db.select({ id: uploadTokens.id }).from(uploadTokens).where(eq(uploadTokens.name, name));
  if (existing) throw new Error(`a token named "${name}" exists already: revoke it first or pick another name`);
  const token = newToken();
  await db.insert(uploadTokens).values({ name, hash: hashToken(token), datasetPattern, createdAt: new Date() });
  return token;
}

export async function listUploadTokens(db: Db): Promise<TokenListing[]> {
  const { uploadTokens } = tablesOf(db);
  return db
    .select({ name: uploadTokens.name, datasetPattern: uploadTokens.datasetPattern, createdAt: uploadTokens.createdAt })
    .from(uploadTokens)
    .orderBy(asc(uploadTokens.name));
}

/** Deletes the token named `name`; false when there is none. */
export async function revokeUploadToken(db: Db, name: string): Promise<boolean> {
  const { uploadTokens } = tablesOf(db);
  const deleted = await db.delete(uploadTokens).where(eq(uploadTokens.name, name)).returning({ id: uploadTokens.id });
  return deleted.length > 0;
}

export async function countUploadTokens(db: Db): Promise<number> {
  const { uploadTokens } = tablesOf(db);
  return (await db.select({ id: uploadTokens.id }).from(uploadTokens)).length;
}

/**
 * The token a presented secret belongs to, if any. Every stored hash is compared in constant
 * time (an index lookup by hash would answer faster for a near miss); instances have few tokens.
 */
export async function findUploadToken(db: Db, presented: string): Promise<UploadToken | undefined> {
  const { uploadTokens } = tablesOf(db);
  const hash = hashToken(presented);
  const rows = await db.select().from(uploadTokens);
  let found: UploadToken | undefined;
  for (const row of rows) if (sameHash(row.hash, hash)) found = row;
  return found;
}
