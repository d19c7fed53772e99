/** ECS timestamps: ISO 8601 in UTC without milliseconds, e.g. `2024-05-01T09:00:00Z`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Job timestamps: ISO 8601 with milliseconds, e.g. `2016-04-25T20:04:34.604Z`. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** OpenStack-style timestamps (EVS, `launched_at`): microseconds, no zone, e.g. `2024-05-01T09:00:00.000000`. */
export function openstackTime(isoSecondsText: string): string {
  return isoSecondsText.replace(/Z$/, '.000000');
}
