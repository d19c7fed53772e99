// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Report } from '@ecs-resize/rules';
import { renderReport } from '../src/index.js';

const blocked: Report = {
  ok: false,
  errorCount: 1,
  warningCount: 1,
  findings: [
    {
      ruleId: 'server-stopped',
      severity: 'error',
      messageId: 'notStopped',
      message: 'Server s1 is ACTIVE; stop it first.',
      docsUrl: 'https://example.com/server-stopped.md',
    },
    { ruleId: 'h1-drivers', severity: 'warn', messageId: 'unverified', message: 'Could not tell. Confirm the driver.' },
  ],
};

describe('renderReport', () => {
  it('a blocked report: role alert, a summary, one item per finding with severity, message and docs link', () => {
    const host = document.createElement('div');
    const container = renderReport(blocked, host);
    expect(host.firstElementChild).toBe(container);
    expect(container.getAttribute('role')).toBe('alert');
    expect(container.dataset['ok']).toBe('false');
    expect(container.querySelector('.ecs-resize-summary')?.textContent).toBe('Resize blocked: 1 error and 1 warning.');
    const items = [...container.querySelectorAll('li')];
    expect(items.map((item) => [item.dataset['severity'], item.dataset['ruleId']])).toEqual([
      ['error', 'server-stopped'],
      ['warn', 'h1-drivers'],
    ]);
    expect(items[0]!.textContent).toContain('Error: Server s1 is ACTIVE; stop it first.');
    const link = items[0]!.querySelector('a')!;
    expect([link.getAttribute('href'), link.target, link.rel]).toEqual([
      'https://example.com/server-stopped.md',
      '_blank',
      'noopener noreferrer',
    ]);
    expect(items[1]!.querySelector('a')).toBeNull();
  });

  it('an ok report: role status and a ready summary', () => {
    const host = document.createElement('div');
    renderReport({ ok: true, errorCount: 0, warningCount: 0, findings: [] }, host);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Ready to resize: no problem found.');
    expect(host.querySelector('ul')).toBeNull();
  });

  it('inserts text as text: markup in a message or id cannot inject, a javascript: docs URL is dropped', () => {
    const host = document.createElement('div');
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    renderReport(
      {
        ok: false,
        errorCount: 1,
        warningCount: 0,
        findings: [
          {
            ruleId: `x"><b>${evil}`,
            severity: 'error',
            messageId: 'm',
            message: `Flavor ${evil} is not allowed.`,
            docsUrl: 'javascript:window.pwned=3',
          },
        ],
      },
      host,
    );
    expect(host.querySelector('img, script, b')).toBeNull();
    expect(host.querySelector('a')).toBeNull();
    expect(host.querySelector('.ecs-resize-message')?.textContent).toBe(`Flavor ${evil} is not allowed.`);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('replaces what the element held, and takes translated labels', () => {
    const host = document.createElement('div');
    host.innerHTML = '<p>old</p>';
    renderReport(blocked, host, {
      labels: { blocked: (errors) => `Blockiert: ${errors} Fehler.`, error: 'Fehler', docs: 'Hilfe' },
    });
    expect(host.textContent).not.toContain('old');
    expect(host.querySelector('.ecs-resize-summary')?.textContent).toBe('Blockiert: 1 Fehler.');
    expect(host.querySelector('a')?.textContent).toBe('Hilfe');
  });
});
