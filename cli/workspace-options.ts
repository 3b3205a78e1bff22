import type { Command } from 'commander';

/** `--workspace DIR`, shared by every command that works on a workspace. */
export function withWorkspaceOption(command: Command): Command {
  return command.option('-w, --workspace <dir>', 'the workspace folder (default: the nearest folder upwards with okra.config.yaml)');
}
