/**
 * Labels that are HTML and script, given on the ingest command line for real ping outputs
 * (e2e/build-db.ts): every page must show them as text, never run them (e2e/hostile.spec.ts).
 */
export const HOSTILE = {
  dataset: "<img src=x onerror=alert(1)>",
  host: '"><svg onload=alert(2)>',
  runtime: "<script>window.__pwned=1</script>",
} as const;

/** The two real files: the baseline (runc) and the runtime with the hostile name. */
export const HOSTILE_FILES = {
  runc: "lib/parsers/__fixtures__/ping/loopback-quiet.txt",
  hostile: "lib/parsers/__fixtures__/ping/loopback-5.txt",
} as const;
