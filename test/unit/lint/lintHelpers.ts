import * as assert from 'node:assert/strict';
import { type EventName, sampleEnvelope } from '../../../src/core/events';
import { type InboundFormat } from '../../../src/core/inbound/inboundFormat';
import { inboundSample } from '../../../src/core/inbound/inboundSamples';
import { applyEdits, type LintFix, type LintIssue, lintDocument, type LintOptions } from '../../../src/core/lint';

/** A fixed clock and UUID source, so fixes that stamp a time or an id give the same text every run. */
export const NOW_MS = Date.UTC(2024, 4, 1, 12, 0, 0, 250);
export const FIXED_UUID = '9b2f6a1e-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
export const TEST_OPTIONS: LintOptions = { now: () => NOW_MS, randomUuid: () => FIXED_UUID };

export function lint(text: string, options: LintOptions = {}): LintIssue[] {
  return lintDocument(text, { ...TEST_OPTIONS, ...options });
}

export function issuesOf(text: string, rule: string, options: LintOptions = {}): LintIssue[] {
  return lint(text, options).filter((issue) => issue.rule === rule);
}

/** The one issue `rule` reports in `text`; fails if there is not exactly one. */
export function onlyIssue(text: string, rule: string, options: LintOptions = {}): LintIssue {
  const found = issuesOf(text, rule, options);
  assert.equal(found.length, 1, `expected one ${rule} issue, got ${JSON.stringify(found, null, 1)}`);
  return found[0];
}

/** The text an issue underlines. */
export function flagged(text: string, issue: LintIssue): string {
  return text.slice(issue.offset, issue.offset + issue.length);
}

/** An envelope tests may break freely: wrong types and unknown keys are the point. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests write deliberately wrong values
export type Editable = Record<string, any>;

/** A realistic envelope of `event` from the catalog, pretty-printed, with fields changed by `edit`. */
export function sampleText(event: EventName, edit: (envelope: Editable) => void = () => undefined, variant = 'default'): string {
  const envelope = structuredClone(sampleEnvelope(event, variant, { seed: 7, now: NOW_MS / 1000 })) as Editable;
  edit(envelope);
  return JSON.stringify(envelope, null, 2);
}

export function compact(text: string): string {
  return JSON.stringify(JSON.parse(text));
}

export function fixNamed(issue: LintIssue, title: RegExp | undefined = undefined): LintFix {
  const fix = title ? issue.fixes?.find((candidate) => title.test(candidate.title)) : (issue.fixes?.find((candidate) => candidate.preferred) ?? issue.fixes?.[0]);
  assert.ok(fix, `no fix${title ? ` matching ${title}` : ''} on ${JSON.stringify(issue)}`);
  return fix;
}

/**
 * Applies the fix of the single `rule` issue in `text` and checks the result no longer has any
 * `rule` issue. Returns the fixed text for further checks.
 */
export function applyFixAndRelint(text: string, rule: string, title?: RegExp, options: LintOptions = {}): string {
  const fix = fixNamed(onlyIssue(text, rule, options), title);
  const fixed = applyEdits(text, fix.edits);
  assert.deepEqual(issuesOf(fixed, rule, options), [], `still ${rule} after "${fix.title}":\n${fixed}`);
  return fixed;
}

/** A package-lock.json of about `bytes` bytes: the kind of large JSON file that is not a webhook. */
export function packageLockLike(bytes: number): string {
  const packages: Record<string, unknown> = { '': { name: 'demo', version: '1.0.0' } };
  for (let i = 0, size = 0; size < bytes; i++) {
    const entry = { version: `1.2.${i}`, resolved: `https://registry.npmjs.org/pkg-${i}/-/pkg-${i}-1.2.${i}.tgz`, integrity: `sha512-${'Zm9v'.repeat(20)}`, dev: i % 2 === 0 };
    packages[`node_modules/pkg-${i}`] = entry;
    size += JSON.stringify(entry, null, 6).length + 30;
  }
  return JSON.stringify({ name: 'demo', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2);
}

/** Postal's reference Hash (or a RawMessage), pretty-printed, with fields changed by `edit`. */
export function inboundText(format: InboundFormat, edit: (payload: Editable) => void = () => undefined): string {
  const payload = inboundSample(format) as Editable;
  edit(payload);
  return JSON.stringify(payload, null, 2);
}
