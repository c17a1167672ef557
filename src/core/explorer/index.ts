/**
 * The Events explorer's model, free of `vscode`: record summaries (one JSON.parse per record),
 * grouping by event type / message / time, filters, paged tree nodes, and the plain row specs,
 * tooltips and documents the VS Code adapter renders. Tested and benchmarked in plain Node.
 */
export * from './envelopeFields';
export * from './eventFilter';
export * from './explorerModel';
export * from './explorerNodes';
export * from './inboundRows';
export * from './itemSpec';
export * from './recordDocuments';
export * from './recordStyle';
export * from './recordSummary';
export * from './recordTooltip';
export * from './relativeTime';
export * from './refreshScheduler';
