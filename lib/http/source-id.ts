/** Stored files are addressed by numeric id only: no request path ever reaches the file system. */
export function parseSourceId(raw: string): number | null {
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}
