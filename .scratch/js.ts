import * as z from '/work/wt/inbound/node_modules/zod/mini';
import { inboundHashSchema, inboundRawSchema } from '/work/wt/inbound/src/core/inbound/inboundSchemas';
console.log(JSON.stringify(z.toJSONSchema(inboundHashSchema(), { target: 'draft-07' }), null, 1).slice(0, 3000));
console.log(JSON.stringify(z.toJSONSchema(inboundRawSchema(), { target: 'draft-07' }), null, 1).slice(0, 1500));
