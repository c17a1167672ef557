import { targetUrlProblem } from './targetUrl';

/** A request as the user edits it: request line, headers, blank line, body (the REST Client layout). */
export interface EditableRequest {
  method: string;
  url: string;
  /** In order and case, as written. */
  headers: [string, string][];
  body: string;
}

export type EditableParse = { ok: true; request: EditableRequest } | { ok: false; problem: string; line: number };

/** `POST http://…`, one `Name: value` per header, a blank line, then the body; ends with a newline. */
export function editableText(request: EditableRequest): string {
  return [`${request.method} ${request.url}`, ...request.headers.map(([name, value]) => `${name}: ${value}`), '', `${request.body}\n`].join('\n');
}

/** RFC 9110 token characters: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Reads an edited request back. `#` lines before the request line are comments, as in `.http`
 * files; an optional `HTTP/1.1` after the URL is ignored. The body is everything after the first
 * blank line, less the one newline that ends the document. Line numbers in problems are 0-based.
 */
export function parseEditableText(text: string): EditableParse {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let at = 0;
  while (at < lines.length && (lines[at].trim() === '' || lines[at].trimStart().startsWith('#'))) at++;
  if (at === lines.length) return { ok: false, problem: 'The request line is missing: write `POST <url>` first.', line: 0 };
  const requestLine = /^(\S+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/.exec(lines[at]);
  if (requestLine === null) return { ok: false, problem: 'The first line must be `POST <url>`.', line: at };
  const [, method, url] = requestLine;
  if (method !== 'POST') return { ok: false, problem: `Postal sends only POST, not ${method}.`, line: at };
  const urlProblem = targetUrlProblem(url);
  if (urlProblem !== undefined) return { ok: false, problem: urlProblem, line: at };
  const headers: [string, string][] = [];
  for (at += 1; at < lines.length && lines[at] !== ''; at++) {
    const colon = lines[at].indexOf(':');
    const name = colon < 0 ? '' : lines[at].slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) return { ok: false, problem: `Not a header: write \`Name: value\`, then a blank line before the body.`, line: at };
    headers.push([name, lines[at].slice(colon + 1).trim()]);
  }
  const body = lines.slice(at + 1).join('\n').replace(/\n$/, '');
  return { ok: true, request: { method, url, headers, body } };
}
