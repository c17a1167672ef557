import { isDeliveryEvent } from '../../events';
import { type RuleContext, type LintRule } from '../rule';
import { type JsonPath } from '../types';
import { describeTime, inPayload, messageKeys, numberAt, rangeOfValue, setValueFix } from './support';

/** Unix seconds pass 1e11 in the year 5138; Unix milliseconds passed it in 1973. */
export const MILLISECONDS_THRESHOLD = 1e11;

const PATHS_BY_SHAPE = new Map<string, readonly JsonPath[]>();

/** Every field Postal fills with Unix seconds, as absolute paths for this document (built once per shape). */
export function timestampPaths(context: RuleContext): readonly JsonPath[] {
  const key = `${context.shape.kind}:${context.event ?? (context.shape.kind === 'inbound' ? context.shape.format : '')}`;
  let paths = PATHS_BY_SHAPE.get(key);
  if (!paths) {
    paths = buildTimestampPaths(context);
    PATHS_BY_SHAPE.set(key, paths);
  }
  return paths;
}

function buildTimestampPaths(context: RuleContext): JsonPath[] {
  const event = context.event;
  if (context.shape.kind === 'inbound') return context.shape.format === 'hash' ? [['timestamp']] : [];
  const paths: JsonPath[] = context.shape.kind === 'envelope' ? [['timestamp']] : [];
  if (!event) return paths;
  for (const message of messageKeys(event)) paths.push(inPayload(context, message, 'timestamp'));
  if (isDeliveryEvent(event)) paths.push(inPayload(context, 'timestamp'));
  if (event === 'DomainDNSError') paths.push(inPayload(context, 'dns_checked_at'));
  return paths;
}


/** Postal's times are Ruby `Time#to_f`: seconds with a fraction. A value in milliseconds is 1000 times too big. */
export const timestampMilliseconds: LintRule = {
  id: 'postal/timestamp-milliseconds',
  defaultSeverity: 'error',
  description: 'A timestamp is in milliseconds; Postal sends Unix seconds with a fraction.',
  check(context) {
    for (const path of timestampPaths(context)) {
      const value = numberAt(context, path);
      if (value === undefined || Math.abs(value) <= MILLISECONDS_THRESHOLD) continue;
      const seconds = value / 1000;
      context.report({
        range: rangeOfValue(context, path),
        path,
        message: `${path.join('.')} looks like milliseconds (${describeTime(seconds)}); Postal sends Unix seconds with a fraction, e.g. ${seconds}`,
        fixes: [setValueFix(context, path, seconds, `Convert to seconds (${seconds})`)].filter((fix) => fix !== undefined),
      });
    }
  },
};
