// GET /docs: a self-contained page (no scripts, no CDN) rendered on the server from the same
// OpenAPI document that /openapi.json serves, so it works offline and in locked-down networks.
import { escapeHtml } from "../html/escape";

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; description?: string; anyOf?: Schema[]; oneOf?: Schema[]; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; default?: unknown };
type Operation = { summary?: string; tags?: string[]; parameters?: { name: string; in: string; required?: boolean }[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: Record<string, { description?: string }> };
type Document = { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

function typeLabel(s: Schema | undefined): string {
  if (!s) return "any";
  if (s.$ref) return s.$ref.split("/").pop() ?? "object";
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf || s.oneOf) return (s.anyOf ?? s.oneOf ?? []).map(typeLabel).join(" | ");
  if (s.type === "array") return `${typeLabel(s.items)}[]`;
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "object");
}

function rules(s: Schema): string {
  const r: string[] = [];
  if (s.minLength !== undefined || s.maxLength !== undefined) r.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} chars`);
  if (s.minimum !== undefined || s.maximum !== undefined) r.push(`${s.minimum ?? "−∞"}–${s.maximum ?? "∞"}`);
  if (s.default !== undefined) r.push(`default ${JSON.stringify(s.default)}`);
  if (s.description) r.push(s.description);
  return r.join("; ");
}

function schemaTable(name: string, s: Schema): string {
  const props = Object.entries(s.properties ?? {});
  if (props.length === 0) return "";
  const rows = props
    .map(([field, p]) => `<tr><td><code>${escapeHtml(field)}</code>${s.required?.includes(field) ? " *" : ""}</td><td>${escapeHtml(typeLabel(p))}</td><td>${escapeHtml(rules(p))}</td></tr>`)
    .join("");
  return `<h3 id="schema-${escapeHtml(name)}">${escapeHtml(name)}</h3><table><tr><th>field</th><th>type</th><th>rules</th></tr>${rows}</table>`;
}

export function renderDocs(doc: Document): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = op.requestBody?.content ? Object.entries(op.requestBody.content).map(([type, c]) => `${escapeHtml(type)}: ${escapeHtml(typeLabel(c.schema))}`).join(", ") : "";
      const responses = Object.entries(op.responses ?? {}).map(([status, r]) => `<li><b>${escapeHtml(status)}</b> ${escapeHtml(r.description ?? "")}</li>`).join("");
      return `<section><h2><span class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>
        <p>${escapeHtml(op.summary ?? "")}</p>${body ? `<p>Body — ${body}</p>` : ""}<ul>${responses}</ul></section>`;
    }),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([n, s]) => schemaTable(n, s)).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)}</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1f24}
code{background:#f2f4f7;padding:.1em .3em;border-radius:4px}section{border-top:1px solid #e3e6ea;padding:.5rem 0}
h2{font-size:1.05rem}.m{display:inline-block;min-width:4.2em;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.15em .4em}
.get{background:#2f7d32}.post{background:#1565c0}.patch{background:#8e5a00}.delete{background:#b3261e}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #e3e6ea;padding:.25rem .5rem;text-align:left;vertical-align:top}
</style></head><body><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description ?? "")}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
${ops.join("")}<h2>Schemas</h2>${schemas}</body></html>`;
}
