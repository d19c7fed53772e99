import { parseCommandLine } from './args/parse-command-line.js';
import type { CliIo } from './cli-io.js';
import { createCommandContext } from './command-context.js';
import { COMMANDS } from './commands/index.js';
import { secretsIn } from './config/credentials.js';
import { exitCodeOf } from './errors/exit-code-of.js';
import { ExitCode } from './exit-codes.js';
import { errorToJson, formatError } from './output/format-error.js';
import { formatCommandHelp, formatCommandList } from './output/help.js';
import { redacting } from './output/redact.js';
import { terminalSafeStream } from './output/terminal-text.js';
import { createTerminal } from './output/terminal.js';
import { cliVersion } from './version.js';

/**
 * Runs `ecs-resize` with the arguments after the program name and resolves to the exit code
 * (see `ExitCode`); it never throws. Errors go to stderr with their message (and, with
 * `--json`, as `{ "error": {...} }` on stdout). No secret from the environment ever appears in
 * the output.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const secrets = secretsIn(io.env);
  // Made terminal-safe first (escape sequences from the API stripped), then masked, so that a
  // control character inside an echoed secret cannot split it away from its mask.
  const safeIo: CliIo = {
    ...io,
    stdout: terminalSafeStream(redacting(io.stdout, secrets)),
    stderr: terminalSafeStream(redacting(io.stderr, secrets)),
  };
  const json = argv.includes('--json');
  const terminal = createTerminal(safeIo, json);
  try {
    const line = parseCommandLine(argv, COMMANDS);
    switch (line.kind) {
      case 'version':
        if (json) terminal.printJson({ version: cliVersion() });
        else terminal.print(cliVersion());
        return ExitCode.ok;
      case 'none':
        terminal.printError(formatCommandList(COMMANDS, terminal.errorColors));
        return ExitCode.usage;
      case 'help':
        terminal.print(
          line.command === undefined
            ? formatCommandList(
                line.group === undefined ? COMMANDS : COMMANDS.filter((command) => command.name.startsWith(`${line.group} `)),
                terminal.colors,
                line.group,
              )
            : formatCommandHelp(line.command, terminal.colors),
        );
        return ExitCode.ok;
      case 'run':
        return await line.command.run(createCommandContext(line.args, line.options, safeIo, terminal));
    }
  } catch (error) {
    const exitCode = exitCodeOf(error);
    terminal.printError(formatError(error, exitCode, terminal.errorColors));
    if (json) terminal.printJson({ error: errorToJson(error, exitCode) });
    return exitCode;
  }
}
