/**
 * The languages Postal's payload types are generated in. Kept apart from the generators so the
 * editor can list them without loading any generator until one is asked for.
 */
export const TYPE_LANGUAGES = {
  ts: { label: 'TypeScript', editorLanguage: 'typescript', fileName: 'postalWebhooks.ts', detail: 'Interfaces; the PostalWebhook union narrows on webhook.event' },
  python: { label: 'Python', editorLanguage: 'python', fileName: 'postal_webhooks.py', detail: 'TypedDicts of what json.loads() gives (Python 3.8+)' },
  go: { label: 'Go', editorLanguage: 'go', fileName: 'postal_webhooks.go', detail: 'Structs with json tags, and NewPostalPayload(event) to decode each payload' },
  php: { label: 'PHP', editorLanguage: 'php', fileName: 'PostalWebhooks.php', detail: 'Readonly classes with fromArray() (PHP 8.1+)' },
  ruby: { label: 'Ruby', editorLanguage: 'ruby', fileName: 'postal_webhooks.rb', detail: 'Structs with from_h' },
} as const satisfies Record<string, { label: string; editorLanguage: string; fileName: string; detail: string }>;

export type TypeLanguage = keyof typeof TYPE_LANGUAGES;

export function isTypeLanguage(value: string): value is TypeLanguage {
  return Object.hasOwn(TYPE_LANGUAGES, value);
}

/** Where the package ships the generated types of `language`, relative to its root. */
export function typeFilePath(language: TypeLanguage): string {
  return `types/${TYPE_LANGUAGES[language].fileName}`;
}
