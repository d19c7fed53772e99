import { partElement } from './part-element.js';

/** One choice of a {@link ChoiceList}; every string is inserted as text. */
export interface Choice {
  /** The value the list reports when this choice is picked. */
  value: string;
  /** What the choice is called (a server's name, a flavor id). */
  label: string;
  /** The line under the label: status and flavor, or vCPUs and memory. */
  detail: string;
  /** A short verdict badge, and its kind for styling (`data-verdict`). */
  verdict?: { text: string; kind: 'ok' | 'warn' | 'blocked' } | undefined;
  /** Why not: shown under the choice, and its radio's `aria-describedby`. */
  reason?: string | undefined;
}

/** Options of {@link createChoiceList}. */
export interface ChoiceListOptions {
  /** The radios' `name`, and the prefix of the parts: `server` gives `server-list`, `server-filter`. */
  name: string;
  /** The group's legend. */
  legend: string;
  /** What the list says when there is nothing to choose. */
  empty: string;
  /** The most choices rendered at once; the filter narrows the rest. */
  limit: number;
  /** Called when the operator picks a choice. */
  onPick: (value: string) => void;
}

/** A radio group with a filter box that renders at most `limit` choices. */
export interface ChoiceList {
  /** The group, to insert into the page. */
  readonly element: HTMLFieldSetElement;
  /** Replaces the choices, in one pass; `picked` is checked when it is among them. */
  show(choices: readonly Choice[], picked: string | undefined): void;
  /** Marks the group as loading (`aria-busy`). */
  busy(loading: boolean): void;
}

/** Lists with more choices than this get a filter box. */
const FILTER_FROM = 8;

/** A filterable, bounded radio group: hundreds of thousands of choices cost one filter pass. */
export function createChoiceList(document: Document, options: ChoiceListOptions): ChoiceList {
  const { name, limit } = options;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, part: string, text?: string) =>
    partElement(document, tag, part, text);
  const element = make('fieldset', `${name}s`);
  const legend = make('legend', 'legend', options.legend);
  const filterLabel = make('label', 'filter-label', 'Filter ');
  const filter = make('input', `${name}-filter filter`);
  filter.type = 'search';
  filter.autocomplete = 'off';
  filter.setAttribute('aria-label', `Filter: ${options.legend}`);
  filterLabel.append(filter);
  const list = make('ul', `${name}-list list`);
  const note = make('p', `${name}-note note`);
  note.setAttribute('aria-live', 'polite');
  element.append(legend, filterLabel, list, note);
  let choices: readonly Choice[] = [];
  /** Each choice's label, detail and value in lower case, built once when the choices are shown. */
  let searchable: string[] = [];
  let picked: string | undefined;

  const item = (choice: Choice, index: number): HTMLLIElement => {
    const row = make('li', 'choice');
    if (choice.verdict) row.dataset['verdict'] = choice.verdict.kind;
    const label = make('label', 'choice-label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = name;
    radio.value = choice.value;
    radio.checked = choice.value === picked;
    radio.addEventListener('change', () => {
      picked = choice.value;
      options.onPick(choice.value);
    });
    const text = make('span', 'choice-text');
    text.append(make('span', 'choice-name', choice.label), make('span', 'choice-detail', choice.detail));
    label.append(radio, text);
    if (choice.verdict) label.append(make('span', 'verdict', choice.verdict.text));
    row.append(label);
    if (choice.reason) {
      const reason = make('p', 'reason', choice.reason);
      reason.id = `${name}-reason-${index}`;
      radio.setAttribute('aria-describedby', reason.id);
      row.append(reason);
    }
    return row;
  };

  const render = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const matching = words.length
      ? choices.filter((_, index) => words.every((word) => searchable[index]!.includes(word)))
      : choices;
    const fragment = document.createDocumentFragment();
    fragment.append(...matching.slice(0, limit).map(item));
    list.replaceChildren(fragment);
    filterLabel.hidden = choices.length <= FILTER_FROM;
    note.textContent =
      choices.length === 0
        ? options.empty
        : matching.length === 0
          ? 'Nothing matches the filter.'
          : matching.length > limit
            ? `Showing ${limit} of ${matching.length}: type in the filter to narrow them.`
            : '';
  };
  filter.addEventListener('input', render);

  return {
    element,
    show(next, pick) {
      choices = next;
      searchable = next.map((choice) => `${choice.label} ${choice.detail} ${choice.value}`.toLowerCase());
      picked = pick;
      render();
    },
    busy(loading) {
      element.setAttribute('aria-busy', String(loading));
    },
  };
}
