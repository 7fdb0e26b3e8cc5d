// Worker threads start from plain JavaScript: register tsx's loader (what `npm run ingest` runs
// under, and what resolves the "@/" paths) before loading the TypeScript of the worker.
import { register } from "tsx/esm/api";

register();
await import("./prepare-worker.ts");
