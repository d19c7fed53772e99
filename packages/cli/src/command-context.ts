import type { EcsClient } from '@ecs-resize/core';
import type { RuleEngine } from '@ecs-resize/rules';
import { connectionFlagsOf } from './args/global-options.js';
import type { OptionValues } from './args/option-values.js';
import type { CliIo } from './cli-io.js';
import type { CommandContext } from './commands/command.js';
import { resolveConnection } from './config/connection.js';
import { createConfiguredEngine } from './config/rule-engine.js';
import { loadRulesConfigFile, type RulesConfigFile } from './config/rules-config-file.js';
import type { Terminal } from './output/terminal.js';
import { cliVersion } from './version.js';

/** `factory`'s result, made on the first call and kept. */
function once<T>(factory: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: factory() }).value;
}

/**
 * The context a command runs with: its arguments and flags, the terminal, and the client,
 * rules config and rule engine, each made when the command first asks for it (so that the
 * commands that do not call the API need no credentials, and do not load the HTTP client).
 */
export function createCommandContext(
  args: readonly string[],
  options: OptionValues,
  io: CliIo,
  terminal: Terminal,
): CommandContext {
  const client = once<Promise<EcsClient>>(async () => {
    const { endpoint, projectId, credentials } = resolveConnection(connectionFlagsOf(options), io.env);
    // Loaded here, not at start-up: the HTTP client (ky, and Node's fetch behind it) costs the
    // commands that send nothing, such as `--help`, a tenth of their start-up.
    const { createEcsClient } = await import('@ecs-resize/core');
    return createEcsClient({
      endpoint: endpoint.value,
      projectId: projectId.value,
      auth: credentials.auth,
      userAgent: `ecs-resize/${cliVersion()}`,
    });
  });
  const rulesConfig = once<Promise<RulesConfigFile>>(() => loadRulesConfigFile(options.string('config'), io.cwd));
  const engine = once<Promise<RuleEngine>>(async () => createConfiguredEngine(await rulesConfig(), options.list('force')));
  return {
    args,
    options,
    terminal,
    io,
    signal: io.signal ?? new AbortController().signal,
    client,
    rulesConfig,
    engine,
  };
}
