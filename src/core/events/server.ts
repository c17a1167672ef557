import * as z from 'zod/mini';
import { onFirstUse } from '../onFirstUse';
import { documented } from './documented';
import { SERVER_DOCS as DOC } from './fieldDocs';
import { looseObject, nullableString, uuidSchema } from './primitives';
import { withMeta } from './schemaReflection';

/** The `server` object of DomainDNSError and SendLimit* (`Server#webhook_hash`, reference §3.8). */
export const serverSchema = onFirstUse(() => withMeta(
  looseObject({
    uuid: documented(uuidSchema(), DOC.uuid),
    name: documented(z.string(), DOC.name),
    permalink: documented(z.string(), DOC.permalink),
    organization: documented(nullableString(), DOC.organization),
  }),
  { id: 'PostalServer', title: 'Postal mail server' },
));
export type PostalServer = z.infer<ReturnType<typeof serverSchema>>;
