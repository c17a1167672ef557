import * as z from 'zod/mini';
import { onFirstUse } from '../onFirstUse';
import { documented } from './documented';
import { LINK_CLICKED_DOCS, LOADED_DOCS } from './fieldDocs';
import { messageSchema } from './message';
import { looseObject, nullableString, tokenSchema } from './primitives';

/**
 * Click and open tracking (reference §3.4, §3.5), keys in v3 order with `message` first (v2 put
 * it last; key order never matters for validation).
 */
export const messageLinkClickedSchema = onFirstUse(() => looseObject({
  message: documented(messageSchema(), LINK_CLICKED_DOCS.message),
  url: documented(z.string(), LINK_CLICKED_DOCS.url),
  token: documented(tokenSchema(), LINK_CLICKED_DOCS.token),
  ip_address: documented(nullableString(), LINK_CLICKED_DOCS.ip_address),
  user_agent: documented(nullableString(), LINK_CLICKED_DOCS.user_agent),
}));
export type MessageLinkClicked = z.infer<ReturnType<typeof messageLinkClickedSchema>>;

export const messageLoadedSchema = onFirstUse(() => looseObject({
  message: documented(messageSchema(), LOADED_DOCS.message),
  ip_address: documented(nullableString(), LOADED_DOCS.ip_address),
  user_agent: documented(nullableString(), LOADED_DOCS.user_agent),
}));
export type MessageLoaded = z.infer<ReturnType<typeof messageLoadedSchema>>;
