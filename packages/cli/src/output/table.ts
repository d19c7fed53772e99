import { visibleLength, type Colors } from './colors.js';

/** The gap between two columns. */
const GAP = '  ';

/**
 * A table as text: a header row, then one line per row, each column padded to its widest
 * cell (ANSI codes do not count). The header is bold on a terminal; without colours the table
 * is plain aligned text, easy to read and to `grep`.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], colors: Colors): string {
  const widths = header.map((title, column) =>
    Math.max(visibleLength(title), ...rows.map((row) => visibleLength(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - visibleLength(cell)),
      )
      .join(GAP)
      .trimEnd();
  return [colors.bold(line(header)), ...rows.map(line)].join('\n');
}
