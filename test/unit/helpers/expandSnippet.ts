/**
 * Expands a VS Code snippet body the way the editor would if the user accepted every default:
 * tab stops and placeholders become their default text, choices their first option, variables
 * the values given. Written from the snippet grammar, independently of our generators, so a
 * generator bug cannot hide behind a matching expander. Unknown variables throw, so a snippet
 * cannot use one the test has not thought about.
 * https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar
 */
export function expandSnippet(body: string | string[], variables: Record<string, string>): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  let position = 0;

  function parse(stopAt: string): string {
    let out = '';
    while (position < text.length) {
      const char = text[position];
      if (char === '\\' && '$}\\'.includes(text[position + 1] ?? '')) {
        out += text[position + 1];
        position += 2;
      } else if (stopAt.includes(char)) {
        return out;
      } else if (char === '$') {
        out += dollar();
      } else {
        out += char;
        position++;
      }
    }
    if (stopAt !== '') throw new Error(`unterminated snippet syntax in: ${text}`);
    return out;
  }

  function dollar(): string {
    position++; // $
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(position));
    if (simple) {
      position += simple[0].length;
      return /^\d/.test(simple[0]) ? '' : resolve(simple[0], undefined);
    }
    if (text[position] !== '{') return '$';
    position++; // {
    const head = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(position));
    if (!head) throw new Error(`bad snippet syntax at ${position} in: ${text}`);
    position += head[0].length;
    const isTabStop = /^\d/.test(head[0]);
    let defaultText: string | undefined;
    if (text[position] === ':') {
      position++;
      defaultText = parse('}');
    } else if (text[position] === '|' && isTabStop) {
      const end = text.indexOf('|}', position);
      defaultText = text.slice(position + 1, end).split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
      position = end + 1;
    }
    if (text[position] !== '}') throw new Error(`expected } at ${position} in: ${text}`);
    position++; // }
    return isTabStop ? (defaultText ?? '') : resolve(head[0], defaultText);
  }

  function resolve(name: string, fallback: string | undefined): string {
    if (name in variables) return variables[name];
    if (fallback !== undefined) return fallback;
    throw new Error(`the snippet uses variable ${name}, which the test does not provide`);
  }

  return parse('');
}
