"use client";

import { useRef, useState } from "react";
import { fromDrop, fromInput, withoutHidden, type PickedFile } from "@/lib/upload/picked-files";

/**
 * Where files come from: dropped files or folders, or the file and folder pickers. The drop zone
 * is itself a button that opens the file picker, so the keyboard reaches everything a mouse does.
 */
export function DropZone({ onPick, disabled }: { onPick: (files: PickedFile[]) => void; disabled: boolean }) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const pick = (files: PickedFile[]) => onPick(withoutHidden(files));
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={disabled}
        onClick={() => filesInput.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void fromDrop(e.dataTransfer.items).then(pick);
        }}
        className={`flex min-h-32 w-full flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-6 text-center ${
          over
            ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950"
            : "border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
        }`}
      >
        <span className="font-medium">Drop files or a folder here</span>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">or press to choose files</span>
      </button>
      <p className="text-sm">
        <button type="button" className="button" disabled={disabled} onClick={() => folderInput.current?.click()}>
          Choose a folder…
        </button>{" "}
        <span className="text-zinc-600 dark:text-zinc-400">
          a harness output folder keeps its layout and its hvscope.yaml
        </span>
      </p>
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        aria-label="Files to upload"
        onChange={(e) => {
          pick(fromInput(e.target.files));
          e.target.value = "";
        }}
      />
      <input
        ref={folderInput}
        type="file"
        webkitdirectory=""
        hidden
        aria-label="Folder to upload"
        onChange={(e) => {
          pick(fromInput(e.target.files));
          e.target.value = "";
        }}
      />
    </div>
  );
}
