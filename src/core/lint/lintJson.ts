import { type EnvelopeIssue, type EventName, validateEnvelope, validatePayload } from '../events';
import { validateInbound } from '../inbound/validateInbound';
import { detectShape } from './documentShape';
import { parseDocument } from './parseDocument';
import { type LintRule, type RuleContext, type RuleReport } from './rule';
import { LINT_RULES } from './rules';
import { BARE_PAYLOAD, ENVELOPE_PAYLOAD } from './rules/support';
import { type LintIssue, type JsonPath, type SeveritySetting } from './types';

export interface ResolvedLintOptions {
  severityOf(rule: LintRule): SeveritySetting;
  now(): number;
  randomUuid(): string;
}

/** Lints one JSON text (a whole `.postal.json` file, or one JSONL line) with every rule. */
export function lintJson(text: string, options: ResolvedLintOptions): LintIssue[] {
  const doc = parseDocument(text);
  const shape = detectShape(doc.value);
  const event: EventName | undefined = shape.kind === 'envelope' || shape.kind === 'bare-payload' ? shape.event : undefined;
  const atRoot = shape.kind === 'bare-payload' || shape.kind === 'inbound';
  const payloadPath: JsonPath = atRoot ? BARE_PAYLOAD : ENVELOPE_PAYLOAD;
  const payload = atRoot ? doc.value : valueOf(doc.value, 'payload');
  const issues: LintIssue[] = [];
  const claimed = new Set<string>();
  let schemaIssues: readonly EnvelopeIssue[] | undefined | null = null;
  let rule: LintRule = LINT_RULES[0];
  let severity: SeveritySetting = 'off';
  const context: RuleContext = {
    doc,
    text,
    shape,
    event,
    payloadPath,
    payload,
    now: options.now,
    randomUuid: options.randomUuid,
    tree: () => doc.tree(),
    schemaIssues() {
      if (schemaIssues === null) schemaIssues = validate(doc.value, shape);
      return schemaIssues;
    },
    isClaimed: (path) => claimed.has(pathKey(path)),
    report(report: RuleReport) {
      if (report.path) claimed.add(pathKey(report.path));
      if (severity === 'off') return;
      issues.push(toIssue(rule, severity, report));
    },
  };
  for (rule of LINT_RULES) {
    severity = options.severityOf(rule);
    rule.check(context);
  }
  return issues;
}

function validate(value: unknown, shape: RuleContext['shape']): readonly EnvelopeIssue[] | undefined {
  if (value === undefined) return undefined;
  if (shape.kind === 'inbound') return validateInbound(value, shape.format).issues;
  const result = shape.kind === 'bare-payload' ? validatePayload(shape.event, value) : validateEnvelope(value);
  return result.ok ? [] : result.issues;
}

function toIssue(rule: LintRule, severity: Exclude<SeveritySetting, 'off'>, report: RuleReport): LintIssue {
  return {
    rule: rule.id,
    severity,
    message: report.message,
    offset: report.range.offset,
    length: report.range.length,
    ...(report.fixes && report.fixes.length > 0 ? { fixes: report.fixes } : {}),
    ...(report.tags ? { tags: report.tags } : {}),
  };
}

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

function valueOf(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}
