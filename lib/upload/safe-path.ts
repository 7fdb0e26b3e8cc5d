import { UploadRejected } from "./rejected";

/**
 * A relative path from an upload (a tar entry, a multipart file name) checked to stay inside the
 * folder it is written to: absolute paths, drive letters, backslashes, `..` and NUL are refused
 * (decision 015). `.` and empty segments are dropped (`./a//b` is `a/b`).
 */
export function safeRelativePath(name: string): string {
  const refuse = (why: string) => new UploadRejected(422, `${JSON.stringify(name)}: ${why}; nothing imported`);
  if (name.includes("\0")) throw refuse("a path with a NUL byte");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) throw refuse("an absolute path (paths must be relative)");
  if (name.includes("\\")) throw refuse("a backslash in a path (use /)");
  const segments = name.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) throw refuse('a ".." in a path (it could escape the upload\'s folder)');
  if (segments.length === 0) throw refuse("an empty path");
  return segments.join("/");
}
