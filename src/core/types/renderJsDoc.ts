import { type FieldModel, type StructModel, type TypeModel, type TypeRef } from './typeModel';
import { choiceText, upperFirst } from './renderOptions';

/**
 * JSDoc typedefs for the JavaScript handler snippets: the shapes of the TypeScript interfaces,
 * written where a `.js` file can hold them, so editors (and `tsc --checkJs`) type the handler's
 * `switch (webhook.event)` and the inbound message as in TypeScript. Short: a summary per struct.
 */
export function renderJsDoc(model: TypeModel): string {
  const structs = model.structs.map((struct) => typedef(struct));
  const envelopes = model.events.map((event) => `{ event: '${event.event}', timestamp: number, payload: ${event.payload}, uuid: string }`);
  const webhook = [
    '/**',
    ' * Any Postal webhook body; `switch (webhook.event)` narrows `webhook.payload`.',
    ` * @typedef {${envelopes[0]}`,
    ...envelopes.slice(1).map((envelope) => ` *   | ${envelope}`),
    ' * } PostalWebhook',
    ' */',
  ];
  return [...structs, webhook.join('\n')].join('\n\n');
}

function jsDocType(type: TypeRef, nullable: boolean): string {
  const base =
    type.kind === 'array' ? arrayType(type.items)
    : type.kind === 'struct' ? type.name
    : type.kind === 'choice' ? choiceText(type.values, ' | ', "'")
    : type.kind === 'integer' ? 'number'
    : type.kind;
  return nullable ? `${base} | null` : base;
}

function arrayType(items: TypeRef): string {
  const item = jsDocType(items, false);
  return item.includes(' ') ? `(${item})[]` : `${item}[]`;
}

/** `@property {type} name`, in brackets when Postal may leave the key out. */
function property(field: FieldModel): string {
  return ` * @property {${jsDocType(field.type, field.nullable)}} ${field.optional ? `[${field.name}]` : field.name}`;
}

function typedef(struct: StructModel): string {
  return ['/**', ` * ${upperFirst(struct.summary)}`, ` * @typedef {object} ${struct.name}`, ...struct.fields.map(property), ' */'].join('\n');
}
