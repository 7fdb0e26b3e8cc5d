import { safeRelativePath } from "./safe-path";
import { UploadRejected } from "./rejected";

export interface TarFile {
  path: string;
  data: Buffer;
}

const BLOCK = 512;

/**
 * The regular files of an uncompressed tar (ustar, pax and GNU long names). Anything else that
 * could point outside the archive or at the system (symlinks, hard links, devices, FIFOs) is
 * refused, as are unsafe paths (lib/upload/safe-path.ts). Directories are implied by file paths.
 */
export function readTar(tar: Buffer, maxFiles: number, maxFileBytes: number): TarFile[] {
  const files: TarFile[] = [];
  let longName: string | undefined;
  let paxPath: string | undefined;
  for (let at = 0; at + BLOCK <= tar.length;) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) throw new UploadRejected(422, `not a tar archive (bad header checksum at byte ${at})`);
    const size = octal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156]!);
    const data = tar.subarray(at + BLOCK, at + BLOCK + size);
    if (data.length < size) throw new UploadRejected(422, "the tar archive is cut off inside an entry");
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const prefix = text(header.subarray(345, 500));
    const name =
      paxPath ?? longName ?? (prefix ? `${prefix}/${text(header.subarray(0, 100))}` : text(header.subarray(0, 100)));
    if (type === "L") longName = text(data);
    else if (type === "x") paxPath = paxValue(data, "path");
    else if (type === "g") continue;
    else {
      longName = paxPath = undefined;
      if (type === "5") continue;
      if (type !== "0" && type !== "\0" && type !== "7")
        throw new UploadRejected(
          422,
          `${JSON.stringify(name)}: ${KINDS[type] ?? `a tar entry of type "${type}"`} is not allowed (only regular files and folders); nothing imported`,
        );
      const path = safeRelativePath(name);
      if (size > maxFileBytes)
        throw new UploadRejected(413, `${path}: ${size} bytes, over the limit of ${maxFileBytes} bytes per file`);
      if (files.length >= maxFiles) throw new UploadRejected(413, `more than ${maxFiles} files in one upload`);
      files.push({ path, data: Buffer.from(data) });
    }
  }
  return files;
}

const KINDS: Record<string, string> = {
  "1": "a hard link",
  "2": "a symbolic link",
  "3": "a character device",
  "4": "a block device",
  "6": "a FIFO",
  K: "a long link name",
};

function text(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString("utf8");
}

function octal(bytes: Buffer): number {
  const digits = text(bytes).trim();
  if (!/^[0-7]*$/.test(digits)) throw new UploadRejected(422, "not a tar archive (an entry's size is not octal)");
  return digits ? parseInt(digits, 8) : 0;
}

/** The header's checksum: the sum of its bytes with the checksum field read as spaces. */
function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum === octal(header.subarray(148, 156));
}

/** One value of a pax extended header (`LEN key=value\n` records). */
function paxValue(data: Buffer, key: string): string | undefined {
  for (const record of data.toString("utf8").split("\n")) {
    const eq = record.indexOf("=");
    const space = record.indexOf(" ");
    if (space !== -1 && eq > space && record.slice(space + 1, eq) === key) return record.slice(eq + 1);
  }
  return undefined;
}

/**
 * An uncompressed tar (ustar, with a pax `path` record for names over 100 bytes) of regular files,
 * for `bench --upload` and `ingest --remote`: built in memory so that the client needs no `tar`
 * binary and sends exactly the files it listed. Modes, owners and times are fixed (0644, 0, 0).
 */
export function writeTar(files: readonly TarFile[]): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    if (Buffer.byteLength(file.path) > 100) {
      const record = paxRecord("path", file.path);
      blocks.push(header("././@PaxHeader", record.length, "x"), padded(record));
    }
    blocks.push(header(file.path, file.data.length, "0"), padded(file.data));
  }
  blocks.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(blocks);
}

function header(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(BLOCK);
  // A long name lives in the pax record before it; this field keeps its first 100 bytes.
  h.write(name, 0, 100, "utf8");
  h.write("0000644\0", 100);
  h.write("0000000\0", 108);
  h.write("0000000\0", 116);
  h.write(`${size.toString(8).padStart(11, "0")}\0`, 124);
  h.write("00000000000\0", 136);
  h.write(type, 156);
  h.write("ustar\u000000", 257);
  h.fill(" ", 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return h;
}

const padded = (data: Buffer) => Buffer.concat([data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK)]);

/** `LEN key=value\n`, where LEN counts the whole record, its own digits included. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length)
    length = String(length).length + Buffer.byteLength(body);
  return Buffer.from(`${length}${body}`);
}
