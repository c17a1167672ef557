import * as z from 'zod/mini';
import { onFirstUse } from '../onFirstUse';
import { documented } from './documented';
import { MESSAGE_DOCS as DOC } from './fieldDocs';
import { looseObject, nullableString, tokenSchema, unixTimeSchema } from './primitives';
import { withMeta } from './schemaReflection';

export const MESSAGE_DIRECTIONS = ['outgoing', 'incoming'] as const;
export const SPAM_STATUSES = ['NotChecked', 'Spam', 'NotSpam'] as const;

/**
 * The `message` object of every message event (`Message#webhook_hash`, reference §3.1), keys in
 * Postal's order. Unknown keys pass (the linter warns about them); the JSON Schema names it
 * `PostalMessage` and every event refers to that one definition. Built on first use.
 */
export const messageSchema = onFirstUse(() => withMeta(
  looseObject({
    id: documented(z.int(), DOC.id),
    token: documented(tokenSchema(), DOC.token),
    direction: documented(z.enum(MESSAGE_DIRECTIONS), DOC.direction),
    message_id: documented(nullableString(), DOC.message_id),
    to: documented(nullableString(), DOC.to),
    from: documented(nullableString(), DOC.from),
    subject: documented(nullableString(), DOC.subject),
    timestamp: documented(unixTimeSchema(), DOC.timestamp),
    spam_status: documented(z.enum(SPAM_STATUSES), DOC.spam_status),
    tag: documented(nullableString(), DOC.tag),
  }),
  { id: 'PostalMessage', title: 'Postal message' },
));
export type PostalMessage = z.infer<ReturnType<typeof messageSchema>>;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];
export type SpamStatus = (typeof SPAM_STATUSES)[number];
