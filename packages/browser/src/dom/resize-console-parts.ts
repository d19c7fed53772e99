import { createChoiceList, type ChoiceList } from './choice-list.js';
import { partElement } from './part-element.js';
import { RESIZE_CONSOLE_STYLES } from './resize-console-styles.js';

/** The most servers and target flavors rendered at once; the filter boxes reach the others. */
export const CONSOLE_LIST_LIMIT = 100;

/** What the console's controls ask of the element. */
export interface ConsoleActions {
  /** A server was picked in the list. */
  pickServer(serverId: string): void;
  /** A target flavor was picked in the list. */
  pickTarget(flavorRef: string): void;
  /** The stop-and-start option was ticked or cleared. */
  setWithStop(withStop: boolean): void;
  /** The pay-at-once option (yearly/monthly servers) was ticked or cleared. */
  setAutoPay(autoPay: boolean): void;
  /** A confirmation was ticked or cleared. */
  setConfirmation(key: string, confirmed: boolean): void;
  /** Resize was clicked (by mouse, Enter or Space). */
  resize(): void;
  /** Check again was clicked. */
  check(): void;
}

/** The console's elements, built once into its shadow root. */
export interface ConsoleParts {
  /** The server picker. */
  readonly servers: ChoiceList;
  /** The target flavor picker. */
  readonly targets: ChoiceList;
  /** The stop-and-start option, for a server that is not stopped. */
  readonly stop: HTMLInputElement;
  /** The pay-at-once option, for a yearly/monthly server. */
  readonly pay: HTMLInputElement;
  /** Where the picked target's report is rendered. */
  readonly report: HTMLDivElement;
  /** The group of confirmation boxes. */
  readonly confirmations: HTMLFieldSetElement;
  /** The confirmation boxes made so far, by key. */
  readonly boxes: ReadonlyMap<string, HTMLInputElement>;
  /** Resize: enabled only when the picked target's report allows it. */
  readonly resizeButton: HTMLButtonElement;
  /** Check again. */
  readonly checkButton: HTMLButtonElement;
  /** The `aria-live` line: checks, job progress, success. */
  readonly status: HTMLParagraphElement;
  /** The alert of a failure. */
  readonly error: HTMLParagraphElement;
  /** The box of a confirmation, made the first time it is offered. */
  confirmationBox(key: string, label: string): HTMLInputElement;
}

/** Builds the console's layout into `root`: the two pickers, the stop option, the report, the confirmations, the actions. */
export function buildConsoleParts(root: ShadowRoot, actions: ConsoleActions): ConsoleParts {
  const document = root.ownerDocument;
  const style = document.createElement('style');
  style.textContent = RESIZE_CONSOLE_STYLES;
  const servers = createChoiceList(document, {
    name: 'server',
    legend: 'Server',
    empty: 'No servers in this project.',
    limit: CONSOLE_LIST_LIMIT,
    onPick: actions.pickServer,
  });
  const targets = createChoiceList(document, {
    name: 'target',
    legend: 'Target flavor',
    empty: 'Pick a server to see the flavors it can change to.',
    limit: CONSOLE_LIST_LIMIT,
    onPick: actions.pickTarget,
  });
  const pickers = partElement(document, 'div', 'grid');
  pickers.append(servers.element, targets.element);
  /** A checkbox of the request, in its own `part` label (hidden until it applies). */
  const option = (part: string, text: string, onChange: (checked: boolean) => void) => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.addEventListener('change', () => onChange(box.checked));
    const label = partElement(document, 'label', `${part} option`);
    label.hidden = true;
    label.append(box, text);
    return box;
  };
  const stop = option('stop', 'The server is running: let the cloud stop it, resize it and start it again.', actions.setWithStop);
  const pay = option(
    'pay',
    'This is a yearly/monthly server: pay the order for the new flavor at once, so the resize can start.',
    actions.setAutoPay,
  );
  const report = partElement(document, 'div', 'report');
  const confirmations = partElement(document, 'fieldset', 'confirmations');
  confirmations.append(partElement(document, 'legend', 'legend', 'Confirm what the API cannot see'));
  const resizeButton = partElement(document, 'button', 'resize-button', 'Resize');
  resizeButton.addEventListener('click', actions.resize);
  const checkButton = partElement(document, 'button', 'check-button', 'Check again');
  checkButton.addEventListener('click', actions.check);
  const buttons = partElement(document, 'div', 'actions');
  buttons.append(resizeButton, checkButton);
  const status = partElement(document, 'p', 'status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const error = partElement(document, 'p', 'error');
  error.setAttribute('role', 'alert');
  const check = partElement(document, 'section', 'check');
  check.setAttribute('aria-label', 'Check and resize');
  check.append(report, confirmations, buttons, status, error);
  root.append(style, pickers, stop.parentElement!, pay.parentElement!, check);
  const boxes = new Map<string, HTMLInputElement>();
  return {
    servers,
    targets,
    stop,
    pay,
    report,
    confirmations,
    boxes,
    resizeButton,
    checkButton,
    status,
    error,
    confirmationBox(key, label) {
      const existing = boxes.get(key);
      if (existing) return existing;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = key;
      box.addEventListener('change', () => actions.setConfirmation(key, box.checked));
      const wrapper = partElement(document, 'label', 'confirmation');
      wrapper.append(box, ` ${label}.`);
      confirmations.append(wrapper);
      boxes.set(key, box);
      return box;
    },
  };
}
