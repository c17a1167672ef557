import { type z } from 'zod/mini';
import { onFirstUse } from '../onFirstUse';
import { documented } from './documented';
import { BOUNCE_DOCS as DOC } from './fieldDocs';
import { messageSchema } from './message';
import { looseObject } from './primitives';

/** `Message#bounce!` (reference §3.3): the original message and the bounce; no status or details. */
export const messageBouncedSchema = onFirstUse(() => looseObject({
  original_message: documented(messageSchema(), DOC.original_message),
  bounce: documented(messageSchema(), DOC.bounce),
}));
export type MessageBounced = z.infer<ReturnType<typeof messageBouncedSchema>>;
