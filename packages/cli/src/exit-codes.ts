/**
 * The exit codes of `ecs-resize`. A signal that stops the command (Ctrl-C) exits with
 * 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM.
 */
export const ExitCode = {
  /** Done; for `check`, the resize may go ahead. */
  ok: 0,
  /** The preflight rules blocked the resize (or, for `fleet`, at least one server). */
  blocked: 1,
  /** Bad flags or arguments, missing or bad configuration, input the client refused. Nothing was sent. */
  usage: 2,
  /** The API answered an error, or did not answer (network, timeout). */
  api: 3,
  /** The resize job failed, or did not end in time. */
  jobFailed: 4,
  /** A bug in ecs-resize: the message says what; please report it. */
  internal: 70,
} as const;
