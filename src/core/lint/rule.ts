import { type Node } from 'jsonc-parser';
import { type EnvelopeIssue, type EventName } from '../events';
import { type InboundFormat } from '../inbound/inboundFormat';
import { type ParsedDocument } from './parseDocument';
import { type IssueTag, type JsonPath, type LintFix, type Severity, type TextRange } from './types';

/**
 * What the root of a document is: a webhook body (`envelope`, with its event when the name is
 * known), the inner payload alone as Postal's docs print it (`bare-payload`), an inbound e-mail
 * as Postal posts it to an HTTP endpoint (`inbound`, Hash or RawMessage), or none of these.
 */
export type DocumentShape =
  | { kind: 'envelope'; event: EventName | undefined }
  | { kind: 'bare-payload'; event: EventName }
  | { kind: 'inbound'; format: InboundFormat }
  | { kind: 'other' };

/** A problem one rule found; the engine adds the rule id and severity. */
export interface RuleReport {
  message: string;
  range: TextRange;
  /**
   * The JSON path this report is about. A schema issue at the same path is dropped: the
   * rule's own message says more than the generic one.
   */
  path?: JsonPath;
  fixes?: LintFix[];
  tags?: IssueTag[];
}

export interface RuleContext {
  readonly doc: ParsedDocument;
  readonly text: string;
  readonly shape: DocumentShape;
  /** The event the document is about, if known (from `event`, or inferred for a bare payload). */
  readonly event: EventName | undefined;
  /** Where the event payload sits: `['payload']` in an envelope, `[]` in a bare payload (and an inbound e-mail). */
  readonly payloadPath: JsonPath;
  readonly payload: unknown;
  now(): number;
  randomUuid(): string;
  /** The syntax tree, built on first use. */
  tree(): Node | undefined;
  /**
   * The event schema's verdict on the parsed value (the envelope, or a bare payload against its
   * event), computed once on first use; issue paths are document paths. Undefined when nothing parsed.
   */
  schemaIssues(): readonly EnvelopeIssue[] | undefined;
  report(report: RuleReport): void;
  /** True when some rule already reported at exactly this path. */
  isClaimed(path: JsonPath): boolean;
}

export interface LintRule {
  /** `postal/...`, the id users put in `postalWebhooks.lint.rules` and `--rule`. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line, shown in settings, the README and `--help`. */
  readonly description: string;
  check(context: RuleContext): void;
}
