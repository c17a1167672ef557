/** The parts of a TextMate grammar we write (see VS Code's "Syntax Highlight Guide"). */
export interface TextMateRule {
  match: string;
  name?: string;
  captures?: Record<string, { name: string }>;
}

export interface InjectionGrammar {
  $comment: string;
  scopeName: string;
  injectionSelector: string;
  patterns: TextMateRule[];
}

/** A regex alternative that matches any of `words` literally. */
export function alternatives(words: readonly string[]): string {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** The JSON text VS Code reads from `syntaxes/`: stable, two-space indented, newline at the end. */
export function renderGrammar(grammar: InjectionGrammar): string {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}
