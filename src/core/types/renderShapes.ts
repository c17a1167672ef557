import { type StructModel, type TypeModel, type TypeRef } from './typeModel';
import { choiceText, upperFirst } from './renderOptions';

/**
 * The payloads as documented shapes of the arrays and hashes a PHP or Ruby handler gets from
 * its JSON parser, for the handler snippets: no classes to convert into, just what each key holds.
 */

/** `@psalm-type` array shapes (read by Psalm and PHPStan) in one doc comment. */
export function renderPhpShapes(model: TypeModel): string {
  const phpType = (type: TypeRef, nullable: boolean): string => {
    const base = type.kind === 'array' ? `list<${phpType(type.items, false)}>` : type.kind === 'struct' ? type.name : type.kind === 'choice' ? choiceText(type.values, '|', "'") : { string: 'string', integer: 'int', number: 'float', boolean: 'bool' }[type.kind];
    return nullable ? `${base}|null` : base;
  };
  const shape = (struct: StructModel): string[] => [
    ` * ${struct.name}: ${upperFirst(struct.summary)}`,
    ` * @psalm-type ${struct.name} = array{`,
    ...struct.fields.map((field, index) => ` *     ${field.name}${field.optional ? '?' : ''}: ${phpType(field.type, field.nullable)}${index < struct.fields.length - 1 ? ',' : ''}`),
    ' * }',
  ];
  return [
    '/**',
    " * What json_decode($body, true) gives for each event (generated from Postal's event model).",
    ' *',
    ...model.structs.flatMap((struct) => [...shape(struct), ' *']),
    ' * @psalm-type PostalWebhook = array{event: string, timestamp: float, payload: array<string, mixed>, uuid: string}',
    ' */',
  ].join('\n');
}

/** Ruby comments showing each Hash, keys as JSON.parse gives them (strings). */
export function renderRubyShapes(model: TypeModel): string {
  const rubyType = (type: TypeRef, nullable: boolean): string => {
    const base = type.kind === 'array' ? `Array<${rubyType(type.items, false)}>` : type.kind === 'struct' ? type.name : type.kind === 'choice' ? choiceText(type.values, ' | ', "'") : { string: 'String', integer: 'Integer', number: 'Float', boolean: 'true | false' }[type.kind];
    return nullable ? `${base} | nil` : base;
  };
  const shape = (struct: StructModel): string[] => [
    `# ${struct.name}: ${upperFirst(struct.summary)}`,
    '# {',
    ...struct.fields.map((field) => `#   '${field.name}' => ${rubyType(field.type, field.nullable)},${field.optional ? ' # the key may be missing' : ''}`),
    '# }',
  ];
  const lines = [
    "# What JSON.parse(body) gives for each event (generated from Postal's event model):",
    '#',
    ...model.structs.flatMap((struct) => [...shape(struct), '#']),
    "# PostalWebhook: { 'event' => String, 'timestamp' => Float, 'payload' => Hash, 'uuid' => String }",
  ];
  return lines.join('\n');
}
