// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/index.js';
import { visibleText } from '../src/dom/visible-text.js';

/** Text from the API, and how the console shows it. */
const CASES = [
  { name: 'a right-to-left override', text: 'invoice\u202Egpj.exe', shown: 'invoice\\u{202e}gpj.exe' },
  { name: 'a left-to-right embedding and a pop', text: 'a\u202Ab\u202Cc', shown: 'a\\u{202a}b\\u{202c}c' },
  { name: 'bidi isolates', text: '\u2066x\u2069\u2067y\u2068', shown: '\\u{2066}x\\u{2069}\\u{2067}y\\u{2068}' },
  { name: 'bidi marks', text: '\u200E\u200F\u061C', shown: '\\u{200e}\\u{200f}\\u{61c}' },
  { name: 'a terminal escape', text: '\u001b[2J', shown: '\\u{1b}[2J' },
  { name: 'NUL, a tab, a newline and DEL', text: 'a\0b\tc\nd\u007F', shown: 'a\\u{0}b\\u{9}c\\u{a}d\\u{7f}' },
  { name: 'C1 controls', text: '\u0085\u009B', shown: '\\u{85}\\u{9b}' },
  {
    name: 'zero-width characters and the BOM',
    text: 'a\u200Bb\u200Dc\u2060d\uFEFF',
    shown: 'a\\u{200b}b\\u{200d}c\\u{2060}d\\u{feff}',
  },
  { name: 'line and paragraph separators', text: 'a\u2028b\u2029', shown: 'a\\u{2028}b\\u{2029}' },
  { name: 'markup (stays text where it is inserted)', text: '<b>x</b>&amp;', shown: '<b>x</b>&amp;' },
  { name: 'letters of any script', text: 'Zürich 東京 שלום مرحبا 🚀', shown: 'Zürich 東京 שלום مرحبا 🚀' },
];

describe('visibleText', () => {
  it.each(CASES)('$name', ({ text, shown }) => {
    expect(visibleText(text)).toBe(shown);
  });

  it.each(CASES)('renderReport writes a message with $name the same way', ({ text, shown }) => {
    const host = document.createElement('div');
    const finding = { ruleId: 'r', severity: 'error', messageId: 'm', message: text } as const;
    renderReport({ ok: false, errorCount: 1, warningCount: 0, findings: [finding] }, host);
    expect(host.querySelector('.ecs-resize-message')?.textContent).toBe(shown);
  });
});
