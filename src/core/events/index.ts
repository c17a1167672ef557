// The Postal event model: names, zod schemas, field docs, validation, catalog and samples. Pure
// TypeScript + zod; shared by the extension, the CLI and the tests. The JSON Schemas generated
// from it (for the build and the tests, not needed at run time) are in ./jsonSchemaFiles.
export * from './eventNames';
export * from './fieldDocs';
export * from './primitives';
export * from './message';
export * from './server';
export * from './deliveryEvents';
export * from './messageBounced';
export * from './trackingEvents';
export * from './serverEvents';
export * from './envelope';
export * from './fields';
export { type EnvelopeIssue, type IssueCode } from './issues';
export * from './validation';
export * from './guessEvent';
export * from './catalog';
export { type SampleOptions, type SampleVariant } from './samples/sampleKit';
export { expectedText, typeNotation } from './schemaText';
export { type Schema, schemaKind, unwrapped } from './schemaReflection';
