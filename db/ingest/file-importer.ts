import type { FileLabels } from "@/lib/ingest/labels";
import { passOverReason, type PassOver } from "@/lib/ingest/not-measurement";
import { DetailedParseError, planFile, type FilePlan } from "@/lib/ingest/plan";
import { readLabelled, type LabelledFile, type PreparedFile } from "@/lib/ingest/prepare";
import type { FoundFile } from "@/lib/ingest/walk";
import { packContent } from "../content";
import type { ImportSummary } from "./import-types";
import type { FileWriter } from "./file-writer";

/** What an import counts, as far as storing files goes. */
type FileCounts = Pick<
  ImportSummary,
  "files" | "imported" | "skipped" | "samples" | "ignored" | "passedOver" | "unknownRuntimes"
>;

/** What became of a file: "stored" means it was there already (skipped). */
export type Outcome = "imported" | "stored" | "ignored" | "passedOver";

/**
 * Stores the files of one import through the writer, prepared on this thread or ahead of it
 * (db/ingest/prepare-ahead.ts), and counts what became of each. A file that cannot be stored throws.
 * `strict` makes an empty file fail rather than pass over.
 */
export class FileImporter {
  constructor(
    private readonly writer: FileWriter,
    private readonly importId: number,
    private readonly counts: FileCounts,
    private readonly labelsOf: (found: FoundFile) => FileLabels | null,
    private readonly strict = false,
  ) {}

  /** The writer's own way with a file: the stored check comes before parsing, so a re-import skips it cheaply. */
  async prepareAndStore(found: FoundFile): Promise<Outcome> {
    const labels = this.labelsOf(found);
    if (labels === null) return this.passOver("ignored");
    this.counts.files++;
    const { bytes, file } = readLabelled(found, labels);
    const passOver = passOverReason(bytes);
    if (passOver) return this.notMeasurement(file, passOver);
    if (await this.writer.isStored(file)) return this.passOver("stored");
    return this.store(file, planFile(bytes.toString("utf8"), found.path, labels), packContent(bytes));
  }

  /** A file prepared ahead: "stored" means preparing it was wasted. */
  async storePrepared(prepared: PreparedFile): Promise<Outcome> {
    if (prepared.status === "ignored") return this.passOver("ignored");
    if (prepared.status !== "failed" || prepared.counted) this.counts.files++;
    if (prepared.status === "passedOver") return this.notMeasurement(prepared.file, prepared);
    if (prepared.file && (await this.writer.isStored(prepared.file))) return this.passOver("stored");
    if (prepared.status === "failed")
      throw prepared.detail ? new DetailedParseError(prepared.error, prepared.detail) : new Error(prepared.error);
    return this.store(prepared.file, prepared.plan, prepared.packed);
  }

  private async store(file: LabelledFile, plan: FilePlan, packed: Buffer): Promise<Outcome> {
    if (!(await this.writer.write(this.importId, { ...file, packed }, plan))) return this.passOver("stored");
    this.counts.imported++;
    this.counts.samples += plan.sampleCount;
    for (const { runtime } of plan.runs)
      if (!runtime.known && !this.counts.unknownRuntimes.includes(runtime.id))
        this.counts.unknownRuntimes.push(runtime.id);
    return "imported";
  }

  /** Binary files are never data; an empty one is a run that left no output, which `--strict` fails. */
  private notMeasurement(file: LabelledFile, { kind, reason }: PassOver): Outcome {
    if (kind === "empty" && this.strict) throw new Error(reason);
    this.counts.passedOver.push({ file: file.path, reason, kind });
    return "passedOver";
  }

  private passOver(outcome: "stored" | "ignored"): Outcome {
    this.counts[outcome === "stored" ? "skipped" : "ignored"]++;
    return outcome;
  }
}
