import type { Confirmations } from '@ecs-resize/core';
import { InvalidFactsError, type ResizeFacts, type RuleEngine } from '@ecs-resize/rules';
import { confirmationsByRule } from '../args/confirmations.js';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../errors/UsageError.js';
import { isJsonObject } from '../input/is-json-object.js';
import { nameOfInput } from '../input/read-bounded-input.js';
import { readJsonInput } from '../input/read-json-input.js';
import type { PreflightResult } from '../preflight/run-preflight.js';

/** The largest facts document read: the facts of one resize are a few KiB. */
export const MAX_FACTS_BYTES = 2 ** 20;

/** The flag that names the facts. */
export const FACTS_FLAG = '--facts';

/** The most issues a refusal lists; the rest are counted. */
const MAX_LISTED_ISSUES = 10;

/**
 * The facts with `--confirm`'s confirmations added: a name given on the command line is true,
 * whatever the file says of it (the operator's word now); the file's other keys stay. Facts or
 * confirmations that are not objects are left as they are, for the engine to refuse.
 */
function withConfirmations(facts: unknown, confirmations: Confirmations): unknown {
  if (Object.keys(confirmations).length === 0 || !isJsonObject(facts)) return facts;
  const given = facts['confirmations'] ?? {};
  return isJsonObject(given) ? { ...facts, confirmations: { ...given, ...confirmations } } : facts;
}

/** The engine's refusal of the facts as a usage error naming each bad field. */
function refusal(error: InvalidFactsError, name: string): UsageError {
  const listed = error.issues
    .slice(0, MAX_LISTED_ISSUES)
    .map(({ path, message }) => `  ${path === '' ? '(the document)' : path}: ${message}`);
  const more = error.issues.length > MAX_LISTED_ISSUES ? [`  and ${error.issues.length - MAX_LISTED_ISSUES} more`] : [];
  return new UsageError(
    [
      `${name}: these are not resize facts; nothing was checked:`,
      ...listed,
      ...more,
      'See @ecs-resize/rules/facts.schema.json.',
    ].join('\n'),
    { cause: error },
  );
}

/**
 * `ecs-resize check --facts <file|->`: checks facts given as JSON (a file, or `-` for the
 * standard input, at most {@link MAX_FACTS_BYTES}) with the engine, as untrusted facts. No API
 * is called; no credentials are needed. `--confirm`'s confirmations are added to the facts'.
 * @throws {UsageError} When the input cannot be read, is not JSON, or the facts do not fit the
 * rules' schema (each bad field path listed).
 */
export async function checkFactsInput(
  source: string,
  engine: RuleEngine,
  confirmations: Confirmations,
  io: Pick<CliIo, 'stdin' | 'cwd'>,
): Promise<PreflightResult> {
  const value = await readJsonInput({ source, what: 'the facts document', flag: FACTS_FLAG, maxBytes: MAX_FACTS_BYTES }, io);
  const facts = withConfirmations(value, confirmations) as ResizeFacts;
  try {
    const report = await engine.check(facts);
    return {
      serverId: facts.server.id,
      flavorRef: facts.target.id,
      facts,
      report,
      confirmationByRule: confirmationsByRule(engine),
    };
  } catch (error) {
    if (error instanceof InvalidFactsError) throw refusal(error, nameOfInput({ source, flag: FACTS_FLAG }));
    throw error;
  }
}
