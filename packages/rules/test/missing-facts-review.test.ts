import { describe, expect, it } from 'vitest';
import { createRuleEngine, InvalidFactsError } from '../src/index.js';
import { buildFacts } from '../src/testing/index.js';

/** The default facts as plain JSON, as a file would hold them, with `edit` applied. */
function factsJson(edit: (facts: Record<string, any>) => void): unknown {
  const facts = JSON.parse(JSON.stringify(buildFacts())) as Record<string, any>;
  edit(facts);
  return facts;
}

/** The issues the engine refuses `facts` with. */
async function issuesOf(facts: unknown) {
  const error: unknown = await createRuleEngine()
    .check(facts as never)
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InvalidFactsError);
  return (error as InvalidFactsError).issues;
}

describe('facts missing a required field: the field is named and said to be missing, in plain words', () => {
  it.each<[path: string, edit: (facts: Record<string, any>) => void]>([
    ['server', (facts) => delete facts['server']],
    ['target', (facts) => delete facts['target']],
    ['server.id', (facts) => delete facts['server'].id],
    ['server.status', (facts) => delete facts['server'].status],
    ['server.flavor.id', (facts) => delete facts['server'].flavor.id],
    ['target.id', (facts) => delete facts['target'].id],
    ['server.disks.0.type', (facts) => (facts['server'].disks = [{ id: 'd1', status: 'in-use' }])],
  ])('%s', async (path, edit) => {
    const issues = await issuesOf(factsJson(edit));
    expect(issues).toContainEqual({ path, message: 'is missing' });
    expect(issues.map(({ message }) => message).join('\n')).not.toMatch(/Invalid key|Expected|received/);
  });

  it('a present field of the wrong type keeps its own message', async () => {
    const issues = await issuesOf(factsJson((facts) => (facts['server'].status = 5)));
    expect(issues).toEqual([{ path: 'server.status', message: 'must be a string' }]);
  });
});
