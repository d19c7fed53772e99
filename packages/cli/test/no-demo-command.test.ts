import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

// The demo is the repository's (`pnpm start`, packages/demo), not the user's: the published
// command has no `demo`, and its help does not offer one.
describe.concurrent('ecs-resize has no demo command', () => {
  it.each([['demo'], ['demo', '--serve'], ['demo', '--help']])('%s is an unknown command', async (...args) => {
    const { code, stdout, stderr } = await cli(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain('Unknown command "demo"');
  });

  it('--help lists no demo', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('  config');
    expect(stdout).not.toMatch(/\bdemo\b/);
  });
});
