import { createHash } from 'node:crypto';

/** A stable UUID-shaped id derived from `text` (for seeded data and derived ids such as attachment ids). */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
