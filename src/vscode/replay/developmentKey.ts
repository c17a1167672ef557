import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { generateSigningKey, keyId, toPrivatePem } from '../../core/signature';

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
 */
export class DevelopmentKeyStore {
  private pending: Promise<DevelopmentKey> | undefined;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Logger,
  ) {}

  get(): Promise<DevelopmentKey> {
    // One key even when two commands ask at once on first use.
    this.pending ??= this.load().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  /** Drops the cached key, so the next `get` reads secret storage again (another window changed it). */
  forget(): void {
    this.pending = undefined;
  }

  private async load(): Promise<DevelopmentKey> {
    const stored = await this.secrets.get(DEVELOPMENT_KEY_SECRET);
    if (stored !== undefined) {
      try {
        const privateKey = createPrivateKey(stored);
        const publicKey = createPublicKey(privateKey);
        return { privateKey, publicKey, kid: keyId(publicKey) };
      } catch {
        this.log.warn('the stored development signing key could not be read; making a new one');
      }
    }
    const pair = await generateSigningKey();
    await this.secrets.store(DEVELOPMENT_KEY_SECRET, toPrivatePem(pair.privateKey));
    this.log.info(`made a development signing key, KID ${pair.kid}; export its public half with "Postal: Export Development Public Key"`);
    return pair;
  }
}
