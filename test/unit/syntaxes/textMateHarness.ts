import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, type IGrammar, parseRawGrammar, Registry, type StateStack } from 'vscode-textmate';

const REPO = join(__dirname, '../../../..');

/** Base grammars (VS Code's own, as packaged by tm-grammars) and ours, by scope name. */
const GRAMMAR_FILES: Record<string, string> = {
  'source.json': 'node_modules/tm-grammars/grammars/json.json',
  'source.json.lines': 'node_modules/tm-grammars/grammars/jsonl.json',
  'text.log': 'node_modules/tm-grammars/grammars/log.json',
};

export interface Token {
  text: string;
  scopes: string[];
}

let onigReady: Promise<void> | undefined;

/**
 * A real TextMate registry, as VS Code runs it: our grammars are injected into the base
 * grammars the way package.json's `injectTo` asks.
 */
export function createRegistry(ours: Record<string, { path: string; injectTo: string[] }>): Registry {
  onigReady ??= oniguruma.loadWASM(readFileSync(join(REPO, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer);
  const files: Record<string, string> = { ...GRAMMAR_FILES };
  for (const [scope, entry] of Object.entries(ours)) files[scope] = entry.path;
  return new Registry({
    onigLib: onigReady.then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    })),
    loadGrammar: async (scope) => {
      const file = files[scope];
      return file === undefined ? null : parseRawGrammar(readFileSync(join(REPO, file), 'utf8'), join(REPO, file));
    },
    getInjections: (scope) => Object.entries(ours).filter(([, entry]) => entry.injectTo.includes(scope)).map(([name]) => name),
  });
}

export function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The scopes of the first token whose text is exactly `text`. */
export function scopesOf(lines: Token[][], text: string): string[] {
  for (const tokens of lines) {
    const token = tokens.find((candidate) => candidate.text === text);
    if (token) return token.scopes;
  }
  throw new Error(`no token "${text}" in ${JSON.stringify(lines.flat().map((token) => token.text))}`);
}
