import { z } from "zod";
import { CATEGORIES } from "@/lib/categories";
import { TOOL_IDS } from "@/lib/parsers/types";

const aliasTargetSchema = z.union([
  z.string().min(1),
  z.object({ runtime: z.string().min(1), version: z.string().optional(), variant: z.string().optional() }).strict(),
]);

/** Files (relative to the manifest) that describe the host; each is optional. */
const sysinfoSchema = z
  .object({
    uname: z.string().optional(),
    cpuinfo: z.string().optional(),
    meminfo: z.string().optional(),
    os_release: z.string().optional(),
    virtualization: z.string().optional(),
  })
  .strict();

const hostInfoSchema = z
  .object({
    name: z.string().min(1),
    kernel: z.string().optional(),
    cpu_model: z.string().optional(),
    cpu_count: z.number().int().positive().optional(),
    memory_bytes: z.number().positive().optional(),
    os: z.string().optional(),
    /** What the host is: `bare metal`, `VM (kvm)`... (else read from the dumps). */
    virtualization: z.string().optional(),
    sysinfo: sysinfoSchema.optional(),
  })
  .strict();

/** Label values may use `{placeholder}` captured by the rule's `match`. */
const labelFields = {
  dataset: z.string().min(1).optional(),
  host: z.string().min(1).optional(),
  runtime: z.string().min(1).optional(),
  version: z.string().min(1).optional(),
  variant: z.string().min(1).optional(),
  workload: z.string().min(1).optional(),
  category: z.enum(CATEGORIES).optional(),
};

export const ruleSchema = z
  .object({
    match: z.string().min(1),
    ignore: z.boolean().default(false),
    parser: z.enum(TOOL_IDS).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    /** Tool version and command line for outputs that do not record them. */
    tool_version: z.string().optional(),
    command: z.string().optional(),
    ...labelFields,
  })
  .strict();

export const manifestSchema = z
  .object({
    dataset: z.string().min(1).optional(),
    description: z.string().optional(),
    source: z.string().optional(),
    host: z.union([z.string().min(1), hostInfoSchema]).optional(),
    aliases: z.record(z.string(), aliasTargetSchema).default({}),
    /** Patterns of files that are not measurements (READMEs, licences, system dumps). */
    ignore: z.array(z.string()).default([]),
    /** First matching rule wins. */
    files: z.array(ruleSchema).default([]),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestRule = z.infer<typeof ruleSchema>;
export type HostInfo = z.infer<typeof hostInfoSchema>;
