import { HOP_BY_HOP_HEADERS, redactUrl } from '../http';
import { type PostalRequest } from './postalRequest';

/** POSIX shell single quotes: every byte is literal inside; a `'` is closed, escaped, reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The headers worth exporting: not those the HTTP client sets by itself (exporting them would
 * only make the copy disagree), nor Accept-Encoding (curl would print a compressed answer as it
 * came, unreadable).
 */
function exportedHeaders(request: PostalRequest): [string, string][] {
  return request.headers.filter(([name]) => !HOP_BY_HOP_HEADERS.has(name.toLowerCase()) && name.toLowerCase() !== 'accept-encoding');
}

/** How an export is written. */
export interface ExportOptions {
  /** Keep credentials in the URL (`user:password@`, token parameters); masked unless asked for. */
  includeCredentials?: boolean;
}

function exportedUrl(request: PostalRequest, options: ExportOptions): string {
  return options.includeCredentials === true ? request.url : redactUrl(request.url);
}

/**
 * A curl command (POSIX shells: bash, zsh, sh) that sends the same bytes with the same headers.
 * The body goes inline in single quotes (exact, unlike a heredoc, which adds a newline);
 * `Expect:` stops curl from adding `Expect: 100-continue` to larger bodies.
 */
export function toCurl(request: PostalRequest, options: ExportOptions = {}): string {
  const lines = [`curl -sS -i${request.method === 'POST' ? '' : ` -X ${request.method}`} ${shellQuote(exportedUrl(request, options))}`];
  for (const [name, value] of exportedHeaders(request)) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  lines.push(`-H 'Expect:'`);
  lines.push(`--data-binary ${shellQuote(request.body.toString('utf8'))}`);
  return lines.join(' \\\n  ') + '\n';
}

/**
 * The request in the `.http` format of the REST Client extension (and JetBrains' HTTP client):
 * request line, headers, a blank line, the body. The body must be valid UTF-8 text, and REST
 * Client sends it as written, so the signatures still match.
 */
export function toHttpFile(request: PostalRequest, title?: string, options: ExportOptions = {}): string {
  const lines: string[] = [];
  if (title !== undefined) lines.push(`# ${title.replace(/\n/g, ' ')}`);
  lines.push(`${request.method} ${exportedUrl(request, options)} HTTP/1.1`);
  for (const [name, value] of exportedHeaders(request)) lines.push(`${name}: ${value}`);
  lines.push('', request.body.toString('utf8'));
  return lines.join('\n') + '\n';
}
