import { type LintRule } from '../../rule';
import { fixes, rangeOfValue, setValueFix, stringAt } from '../support';
import { attachmentsOf, inboundFormat } from './inboundSupport';

/**
 * In JSON an attachment's `content_type` is the bare MIME type (`a.mime_type`); only the form
 * encoding carries the whole header value with its parameters (`a.content_type`).
 */
export const inboundContentType: LintRule = {
  id: 'postal/inbound-content-type',
  defaultSeverity: 'warning',
  description: 'An attachment content_type with parameters in a JSON payload; Postal sends them only in form encoding.',
  check(context) {
    if (inboundFormat(context) !== 'hash') return;
    for (const { path } of attachmentsOf(context)) {
      const typePath = [...path, 'content_type'];
      const value = stringAt(context, typePath);
      if (value === undefined || !value.includes(';')) continue;
      const bare = value.split(';')[0].trim().toLowerCase();
      context.report({
        range: rangeOfValue(context, typePath),
        path: typePath,
        message: `content_type has parameters, but in JSON Postal sends the bare MIME type ("${bare}"); the whole Content-Type value comes only in form encoding`,
        fixes: fixes(setValueFix(context, typePath, bare, `Keep only "${bare}", as Postal's JSON does`)),
      });
    }
  },
};
