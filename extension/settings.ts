import * as vscode from 'vscode';
import { SETTINGS } from './ids';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
export const LOG_LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug', 'trace'];

/** okra's settings, typed. Defaults repeat package.json's so a missing contribution cannot break reads. */
export interface OkraSettings {
  /** Overrides `notion.parent_page` of okra.config.yaml when set. */
  notionParentPage: string | undefined;
  syncUseSandbox: boolean;
  renderOutputFolder: string;
  validationDebounceMs: number;
  logLevel: LogLevel;
}

/** The `okra.` key of a full setting id, for `getConfiguration('okra').get(key)`. */
const key = (id: string) => id.slice('okra.'.length);

export function readSettings(scope?: vscode.ConfigurationScope): OkraSettings {
  const config = vscode.workspace.getConfiguration('okra', scope);
  const parentPage = config.get<string>(key(SETTINGS.notionParentPage), '').trim();
  const debounce = Number(config.get<number>(key(SETTINGS.validationDebounceMs), 200));
  const level = config.get<string>(key(SETTINGS.logLevel), 'info');
  return {
    notionParentPage: parentPage === '' ? undefined : parentPage,
    syncUseSandbox: config.get<boolean>(key(SETTINGS.syncUseSandbox), false) === true,
    renderOutputFolder: config.get<string>(key(SETTINGS.renderOutputFolder), 'out') || 'out',
    validationDebounceMs: Number.isFinite(debounce) ? Math.min(Math.max(Math.round(debounce), 0), 5000) : 200,
    logLevel: (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : 'info',
  };
}

/** True when a configuration change touches one of okra's settings. */
export function affectsOkra(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('okra');
}
