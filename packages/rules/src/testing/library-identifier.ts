/**
 * What a message in an operator's words never says, for tests of rule messages and of the
 * library's error advice (consoles show both as they are): option paths (`confirmations.`),
 * calls (`()`), backticked names, camelCase identifiers (`listResizeFlavors`, `projectId`,
 * `withStopServer`), snake_case fields (`task_state`, `resize_flavors`) and namespaced extra
 * specs (`ecs:generation`, `os:scheduler_hints`).
 */
export const LIBRARY_IDENTIFIER = /confirmations\.|\(\)|`|\b[a-z]+[A-Z]\w*|\b[a-z]+_[a-z_]+\b|\b[a-z]+:[a-z_]+/;
