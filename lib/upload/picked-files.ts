/** A file chosen in the browser, with the path the upload gives it (a folder's layout kept). */
export interface PickedFile {
  path: string;
  file: File;
}

/**
 * Files from an `<input type="file">`: a folder input gives each file its path under the chosen
 * folder (`webkitRelativePath`, e.g. `run-1/runc/fio.json`), a plain one just the name.
 */
export function fromInput(files: FileList | null): PickedFile[] {
  return [...(files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * Files dropped on the page, folders walked (`webkitGetAsEntry`), each with its path from the
 * dropped item (`run-1/runc/fio.json`), so that a harness folder's layout and its hvscope.yaml travel.
 * The entries must be taken during the drop event: the DataTransfer is emptied after it.
 */
export async function fromDrop(items: DataTransferItemList): Promise<PickedFile[]> {
  const entries = [...items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  return (await Promise.all(entries.map(walk))).flat();
}

async function walk(entry: FileSystemEntry): Promise<PickedFile[]> {
  const path = entry.fullPath.replace(/^\/+/, "");
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path, file }];
  }
  const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
  return (await Promise.all(children.map(walk))).flat();
}

/** readEntries answers in batches (Chromium: 100 at a time) until an empty one. */
async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Dot files (.DS_Store, editors' swap files) are no benchmark output; the CLI's walk skips them too. */
export function withoutHidden(files: PickedFile[]): PickedFile[] {
  return files.filter((f) => !f.path.split("/").some((segment) => segment.startsWith(".")));
}
