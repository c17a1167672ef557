import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type * as vscode from 'vscode';
import { Emitter, type Event } from '../../core/emitter';
import { type Logger } from '../../core/logger';
import { generateSigningKey, keyId, type PublicKeyEntry, signatureLength, toPrivatePem } from '../../core/signature';
import { type DevelopmentKeySource } from '../listener/listenerController';

/** The SecretStorage entry holding the development signing key (PKCS#1 PEM). Never in settings or logs. */
export const DEVELOPMENT_KEY_SECRET = 'postalWebhooks.developmentSigningKey';

export interface DevelopmentKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
}

/**
 * The key replays are signed with: made on first use and kept in VS Code's secret storage, so
 * the user's app can trust its public half (exported by "Export Development Public Key") for
 * as long as they like. A stored key that no longer parses is replaced, and that is logged.
 * The listener reads its public half, to tell the user's own test events from Postal's.
 */
export class DevelopmentKeyStore implements DevelopmentKeySource {
  /** Fires when the key is made, or changed from another window. */
  readonly onDidChange: Event<void>;
  private pending: Promise<DevelopmentKey> | undefined;
  private known: PublicKeyEntry | undefined;
  private readonly changes: Emitter<void>;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Logger,
  ) {
    this.changes = new Emitter((error) => log.error(`a development key subscriber failed: ${String(error)}`));
    this.onDidChange = this.changes.event;
  }

  get(): Promise<DevelopmentKey> {
    // One key even when two commands ask at once on first use.
    this.pending ??= this.load().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  /** The public half, once read or made (undefined before, and while there is none). */
  current(): PublicKeyEntry | undefined {
    return this.known;
  }

  /** Reads the key from secret storage if there is one, without making one. */
  async existing(): Promise<PublicKeyEntry | undefined> {
    if (this.pending === undefined && (await this.secrets.get(DEVELOPMENT_KEY_SECRET)) === undefined) return undefined;
    await this.get();
    return this.known;
  }

  /**
   * Reads the secret again after it changed (this window storing it, or another window): the
   * key in use stays until the new one is read, so no request arriving meanwhile misses it.
   */
  async refresh(): Promise<void> {
    const previous = this.known?.kid;
    const stored = await this.secrets.get(DEVELOPMENT_KEY_SECRET);
    const key = stored === undefined ? undefined : parsePrivatePem(stored);
    this.pending = key === undefined ? undefined : Promise.resolve(this.remember(key));
    if (key === undefined) this.known = undefined;
    if (this.known?.kid !== previous) this.changes.fire();
  }

  dispose(): void {
    this.changes.dispose();
  }

  private async load(): Promise<DevelopmentKey> {
    const stored = await this.secrets.get(DEVELOPMENT_KEY_SECRET);
    const key = stored === undefined ? undefined : parsePrivatePem(stored);
    if (key !== undefined) return this.remember(key);
    if (stored !== undefined) this.log.warn('the stored development signing key could not be read; making a new one');
    const pair = await generateSigningKey();
    await this.secrets.store(DEVELOPMENT_KEY_SECRET, toPrivatePem(pair.privateKey));
    this.log.info(`made a development signing key, KID ${pair.kid}; export its public half with "Postal: Export Development Public Key"`);
    const made = this.remember(pair);
    this.changes.fire();
    return made;
  }

  private remember(key: DevelopmentKey): DevelopmentKey {
    this.known = { kid: key.kid, key: key.publicKey, signatureBytes: signatureLength(key.publicKey) };
    return key;
  }
}

function parsePrivatePem(pem: string): DevelopmentKey | undefined {
  try {
    const privateKey = createPrivateKey(pem);
    return { privateKey, publicKey: createPublicKey(privateKey), kid: keyId(privateKey) };
  } catch {
    return undefined;
  }
}

/** The development key store, following changes other windows make to the secret. */
export function registerDevelopmentKey(context: vscode.ExtensionContext, log: Logger): DevelopmentKeyStore {
  const keys = new DevelopmentKeyStore(context.secrets, log);
  context.subscriptions.push(
    keys,
    context.secrets.onDidChange((change) => {
      if (change.key === DEVELOPMENT_KEY_SECRET) void keys.refresh().catch((error: unknown) => log.error(`reading the development key failed: ${String(error)}`));
    }),
  );
  return keys;
}
