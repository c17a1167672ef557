/**
 * How the listener answers Postal:
 * - `fixed`: always `status` (default 200), after `delayMs` (default 0). A delay of 5000 ms or
 *   more makes Postal see a timeout (-1); a non-2xx status makes it retry.
 * - `mirror`: wait for the forwarded app and answer with its status and body, so Postal sees
 *   what the app said. If the forward gets no answer: 504 after a forward timeout, 502 for any
 *   other failure (refused, unknown host, reset), with a JSON `{"error": …}` body.
 */
export type ResponseMode = { type: 'fixed'; status: number; delayMs: number } | { type: 'mirror' };

export const DEFAULT_RESPONSE_MODE: ResponseMode = { type: 'fixed', status: 200, delayMs: 0 };

/** The longest delay accepted: far past Postal's 5 s timeout, short of hanging forever. */
export const MAX_RESPONSE_DELAY_MS = 120_000;

export type ResponseModeParse = { ok: true; mode: ResponseMode } | { ok: false; message: string };

/** Reads `STATUS`, `STATUS:DELAY_MS` or `mirror` (as given to `--respond`). */
export function parseResponseMode(text: string): ResponseModeParse {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'mirror') return { ok: true, mode: { type: 'mirror' } };
  const match = /^(\d{3})(?::(\d+))?$/.exec(trimmed);
  if (match === null) {
    return { ok: false, message: `"${text}" is not a response mode. Use a status (503), a status and a delay in ms (200:6000), or "mirror".` };
  }
  const mode: ResponseMode = { type: 'fixed', status: Number(match[1]), delayMs: Number(match[2] ?? 0) };
  const problem = responseModeProblem(mode);
  return problem === undefined ? { ok: true, mode } : { ok: false, message: problem };
}

/** Why a mode cannot be used, or undefined when it can. */
export function responseModeProblem(mode: ResponseMode): string | undefined {
  if (mode.type === 'mirror') return undefined;
  if (!Number.isInteger(mode.status) || mode.status < 200 || mode.status > 599) return `Status ${mode.status} cannot be answered: use 200–599.`;
  if (!Number.isInteger(mode.delayMs) || mode.delayMs < 0 || mode.delayMs > MAX_RESPONSE_DELAY_MS) {
    return `Delay ${mode.delayMs} ms is out of range: use 0–${MAX_RESPONSE_DELAY_MS} ms (Postal gives up after 5000).`;
  }
  return undefined;
}
