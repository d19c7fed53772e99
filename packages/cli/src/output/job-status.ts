import type { Colors } from './colors.js';

/** A job status, coloured by what it means: green SUCCESS, red FAIL, cyan while it runs. */
export function styledJobStatus(status: string, colors: Colors): string {
  if (status === 'SUCCESS') return colors.green(status);
  if (status === 'FAIL') return colors.red(status);
  return colors.cyan(status);
}
