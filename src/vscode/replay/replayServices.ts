import { type DeliveryPolicy } from '../../core/delivery';
import type * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { type PostalRequest } from '../../core/replay/postalRequest';
import { type SendResults } from '../inspector/sendResults';
import { type RecordSource } from '../itemArgs';
import { type Lazy } from '../lazy';
import { type DevelopmentKeyStore } from './developmentKey';
import { type ReplaySettings } from './replaySettings';
import { type TargetSources } from './sendTargets';

/** One thing to send: a name for people and the exact request. */
export interface Outgoing {
  label: string;
  request: PostalRequest;
  /** How Postal judges the answer; default: webhooks. */
  policy?: DeliveryPolicy;
}

/** What every replay command shares; built once by `registerReplay`. */
export interface ReplayServices {
  log: Logger;
  keys: DevelopmentKeyStore;
  /** The answers page, loaded on first send. */
  answers: Lazy<SendResults>;
  targets: TargetSources;
  workspaceState: vscode.Memento;
  /** Captured requests by id, and the Events view's selection. */
  records: RecordSource;
  /** The replay settings as they are now; problems with them are reported to the user. */
  settings(): ReplaySettings;
  /** The last batch sent, for "Rerun Last Replay". */
  lastSent: Outgoing[] | undefined;
}
