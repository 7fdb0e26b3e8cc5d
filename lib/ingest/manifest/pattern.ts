/**
 * Path patterns of manifest rules: glob wildcards plus placeholders that capture labels.
 *   {name}         one path segment or part of one, shortest match (`fio-{runtime}-{workload}.json`)
 *   {name:REGEX}   a placeholder with its own regular expression
 *   {_}            matches like {name} but captures nothing
 *   {name?}/       a whole folder that may be absent (`{host?}/raw/...` fits a folder of hosts and one host)
 *   * ? **         glob wildcards (`**` crosses folders)
 * A pattern may match any trailing part of the path, so the same manifest works whether
 * one ingests the dataset's root or one of its folders.
 */
export interface PathPattern {
  source: string;
  regex: RegExp;
  names: string[];
}

export function compilePattern(pattern: string): PathPattern {
  const names: string[] = [];
  let re = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "{") {
      const end = findClosingBrace(pattern, i);
      const body = pattern.slice(i + 1, end);
      const optionalFolder = optionalFolderName(pattern, body, end);
      if (optionalFolder !== undefined) {
        if (names.includes(optionalFolder))
          throw new Error(`pattern "${pattern}": placeholder {${optionalFolder}} appears twice`);
        names.push(optionalFolder);
        re += `(?:(?<${optionalFolder}>[^/]+)/)?`;
        i = end + 2;
        continue;
      }
      const colon = body.indexOf(":");
      const name = colon < 0 ? body : body.slice(0, colon);
      const inner = colon < 0 ? "[^/]+?" : body.slice(colon + 1);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        throw new Error(`pattern "${pattern}": invalid placeholder name "${name}"`);
      if (name === "_") re += `(?:${inner})`;
      else {
        if (names.includes(name)) throw new Error(`pattern "${pattern}": placeholder {${name}} appears twice`);
        names.push(name);
        re += `(?<${name}>${inner})`;
      }
      i = end + 1;
    } else if (pattern.startsWith("**/", i)) {
      re += "(?:.*/)?";
      i += 3;
    } else if (pattern.startsWith("**", i)) {
      re += ".*";
      i += 2;
    } else {
      re += ch === "*" ? "[^/]*" : ch === "?" ? "[^/]" : ch.replace(/[.+^$()|[\]\\]/g, "\\$&");
      i++;
    }
  }
  try {
    return { source: pattern, regex: new RegExp(`(?:^|/)${re}$`), names };
  } catch (e) {
    throw new Error(`pattern "${pattern}": ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The name of `{name?}`, which must stand for a whole folder: at the start or after a slash, before one. */
function optionalFolderName(pattern: string, body: string, end: number): string | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\?$/.exec(body);
  if (!m) return undefined;
  const start = end - body.length - 1;
  if (pattern[end + 1] !== "/" || (start > 0 && pattern[start - 1] !== "/"))
    throw new Error(`pattern "${pattern}": {${body}} must be a whole folder, as in {${body}}/file`);
  return m[1]!;
}

function findClosingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let j = open; j < pattern.length; j++) {
    if (pattern[j] === "{") depth++;
    else if (pattern[j] === "}" && --depth === 0) return j;
  }
  throw new Error(`pattern "${pattern}": unclosed "{" at ${open}`);
}

/** Captured placeholders when `path` (forward slashes) matches, else undefined. */
export function matchPattern(pattern: PathPattern, path: string): Record<string, string> | undefined {
  const m = pattern.regex.exec(path);
  if (!m) return undefined;
  // An optional folder that is absent leaves its name out, so that its label comes from elsewhere.
  return Object.fromEntries(Object.entries(m.groups ?? {}).filter(([, v]) => v !== undefined));
}

/** Replaces `{name}` in a template (a rule's command) with captured placeholders, as captured. */
export function fillTemplate(template: string, captures: Record<string, string>): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => captures[name] ?? whole);
}

/**
 * fillTemplate for a label (workload, runtime, version...): a capture of digits is a number, and
 * is written without the zeros a file name pads it with (`net-fc-rx-01.json` labelled
 * `P={streams}` is `P=1`; db/migrations/0003 renamed what earlier imports stored).
 */
export function fillLabel(template: string, captures: Record<string, string>): string {
  const numbers = Object.fromEntries(
    Object.entries(captures).map(([k, v]) => [k, /^\d+$/.test(v) ? v.replace(/^0+(?=\d)/, "") : v]),
  );
  return fillTemplate(template, numbers);
}
