import * as vscode from 'vscode';
import { EVENT_CATALOG, EVENT_NAMES, type EventName, findVariant, isEventName } from '../../core/events';

export interface EventChoice {
  event: EventName;
  variant: string;
}

interface EventItem extends vscode.QuickPickItem {
  choice?: EventChoice;
}

/** Quick pick items: each event under its own separator, one item per sample variant. */
export function eventItems(): EventItem[] {
  const items: EventItem[] = [];
  for (const event of EVENT_NAMES) {
    const info = EVENT_CATALOG[event];
    // The items name their event; a separator only groups them, and says when few webhooks get it.
    items.push({ label: info.selectable ? '' : 'only to "all events" webhooks', kind: vscode.QuickPickItemKind.Separator });
    for (const variant of info.variants) {
      items.push({
        label: `$(${info.codicon}) ${event}`,
        description: variant.label,
        detail: variant.name === 'default' ? info.summary : variant.description,
        choice: { event, variant: variant.name },
      });
    }
  }
  return items;
}

/** Asks for an event and sample variant; undefined when the user cancels. */
export async function pickEvent(title: string, extra: EventItem[] = []): Promise<EventChoice | 'extra' | undefined> {
  const picked = await vscode.window.showQuickPick([...extra, ...eventItems()], { title, placeHolder: 'Type an event name or situation, e.g. "bounce" or "503"', matchOnDescription: true, matchOnDetail: true });
  if (picked === undefined) return undefined;
  return picked.choice ?? 'extra';
}

/** Checks an `{ event, variant }` given by a caller (a test or another command). */
export function checkedChoice(event: unknown, variant: unknown): EventChoice {
  if (!isEventName(event)) throw new Error(`'${String(event)}' is not a Postal event; use one of ${EVENT_NAMES.join(', ')}.`);
  const name = typeof variant === 'string' ? variant : 'default';
  if (findVariant(event, name) === undefined) {
    throw new Error(`${event} has no sample '${name}'; it has ${EVENT_CATALOG[event].variants.map((entry) => entry.name).join(', ')}.`);
  }
  return { event, variant: name };
}
