import { ProfileInput } from "../pipeline/types";

export const MAX_IMPORT_PROFILES = 5000;

export type ImportRejection = { line: number; error: string };
export type ParsedImport = { profiles: ProfileInput[]; rejected: ImportRejection[]; count: number };

function describe(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message)).join("; ");
}

function validate(line: number, value: unknown, out: ParsedImport): void {
  const parsed = ProfileInput.safeParse(value);
  if (parsed.success) out.profiles.push(parsed.data);
  else out.rejected.push({ line, error: describe(parsed.error.issues) });
}

/**
 * Parse an import body: NDJSON (one profile per line, blank lines ignored, `line` 1-based in the
 * text) or a JSON array (`line` = 1-based position in the array). Bad entries are reported and skipped.
 * Returns null when the body is not an array (JSON) — a request-level error, not a line-level one.
 */
export function parseImport(text: string, format: "ndjson" | "json"): ParsedImport | null {
  const out: ParsedImport = { profiles: [], rejected: [], count: 0 };
  if (format === "json") {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return null;
    }
    if (!Array.isArray(data)) return null;
    out.count = data.length;
    if (out.count <= MAX_IMPORT_PROFILES) data.forEach((value, i) => validate(i + 1, value, out));
    return out;
  }
  const lines = text.split(/\r?\n/);
  const entries = lines.map((raw, i) => ({ raw: raw.trim(), line: i + 1 })).filter((e) => e.raw.length > 0);
  out.count = entries.length;
  if (out.count > MAX_IMPORT_PROFILES) return out;
  for (const { raw, line } of entries) {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.rejected.push({ line, error: "not valid JSON" });
      continue;
    }
    validate(line, value, out);
  }
  return out;
}
