import type * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { type PostalRequest } from '../../core/replay/postalRequest';
import { type DevelopmentKeyStore } from './developmentKey';
import { type RecordReader } from './recordArgs';
import { type ResponseDocuments } from './responseDocuments';
import { type TargetSources } from './sendTargets';

/** One thing to send: a name for people and the exact request. */
export interface Outgoing {
  label: string;
  request: PostalRequest;
}

/** What every replay command shares; built once by `registerReplay`. */
export interface ReplayServices {
  log: Logger;
  keys: DevelopmentKeyStore;
  documents: ResponseDocuments;
  targets: TargetSources;
  workspaceState: vscode.Memento;
  /** Whole records of the history by id (the Events view's rows carry only their entries). */
  readRecord: RecordReader;
  /** The last batch sent, for "Rerun Last Replay". */
  lastSent: Outgoing[] | undefined;
}
