import * as vscode from 'vscode';
import type { AppContext } from '../core';
import { EXTENSION_ID } from './ids';
import { pluginImporter } from './okra-workspace';
import { trustPolicy } from './trust-policy';
import { vscodeAppHost } from './vscode-app-host';

/**
 * The context the core's use cases run in for the okra workspace at `root`: its files through
 * the editor, the token from SecretStorage, plugins loaded as the editor loads them (only in a
 * trusted workspace), okra's version from the extension's manifest.
 */
export function appContext(context: vscode.ExtensionContext, root: vscode.Uri): AppContext {
  return {
    host: vscodeAppHost(root, context.secrets),
    validate: { importPlugin: pluginImporter(root), trusted: trustPolicy(vscode.workspace.isTrusted).loadPlugins },
    okraVersion: vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.version as string | undefined,
  };
}
