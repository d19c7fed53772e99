import {
  check,
  type Confirmations,
  type EcsClient,
  type Job,
  type Preflight,
  type ResizeResult,
  type WaitForJobOptions,
} from '@ecs-resize/core';
import type { Report, ResizeFacts } from '@ecs-resize/rules';
import { confirmationsOffered } from './confirmations-offered.js';
import { renderReport } from './render-report.js';
import { defineElement } from './define-element.js';

/** The events the element dispatches, with their `detail`. */
export interface ResizeCheckEventMap {
  /** A check ended: its facts and report. */
  preflight: CustomEvent<{ facts: ResizeFacts; report: Report }>;
  /** The resize is being sent. */
  'resize-start': CustomEvent<{ serverId: string; flavorRef: string }>;
  /** A poll of the resize job. */
  progress: CustomEvent<{ job: Job }>;
  /** The resize ended: the job (when there is one) and the resize result. */
  done: CustomEvent<{ result: ResizeResult; job: Job | undefined }>;
  /** A check or a resize failed. */
  error: CustomEvent<{ error: unknown }>;
}

/**
 * `<ecs-resize-check server-id="…" flavor-ref="…" mode="withStopServer">`: checks a resize
 * with the rules, shows the report, asks for the driver confirmations a rule needs, and
 * enables its Resize button only when the report is ok; then resizes and shows the job's
 * progress. Give it `client` (from `createEcsClient`) and `engine` (from `createRuleEngine`).
 */
export interface ResizeCheckElement extends HTMLElement {
  /** The ECS client; a check runs once it, `engine`, `server-id` and `flavor-ref` are set. */
  client: EcsClient | undefined;
  /** The rule engine (or any preflight). */
  engine: Preflight | undefined;
  /** How to wait for the job: `interval`, `maxInterval`, `timeout` of `waitForJob`. @default waitForJob's */
  waitOptions: Pick<WaitForJobOptions, 'interval' | 'maxInterval' | 'timeout'>;
  /** What the operator confirmed so far (the checkboxes). */
  readonly confirmations: Confirmations;
  /** The last report, if a check ended. */
  readonly report: Report | undefined;
  /** Runs the check now; resolves with the report, or undefined when it failed or was replaced. */
  check(): Promise<Report | undefined>;
  /** Sends the resize (checked again first) and waits for its job; resolves with the job, if any. */
  resize(): Promise<Job | undefined>;
}

/** Builds the element class on the page's own `HTMLElement` (so importing this file touches no DOM). */
function createElementClass(Base: typeof HTMLElement): new () => ResizeCheckElement {
  return class EcsResizeCheck extends Base implements ResizeCheckElement {
    static readonly observedAttributes = ['server-id', 'flavor-ref', 'mode'];
    #client: EcsClient | undefined;
    #engine: Preflight | undefined;
    #confirmations: Confirmations = {};
    waitOptions: Pick<WaitForJobOptions, 'interval' | 'maxInterval' | 'timeout'> = {};
    #report: Report | undefined;
    #run = 0;
    /** A resize is in flight: no check, no second resize, until it ends. */
    #busy = false;
    #scheduled = false;
    #abort = new AbortController();
    #parts: { report: HTMLElement; confirm: HTMLFieldSetElement; button: HTMLButtonElement; progress: HTMLElement } | undefined;

    get client() {
      return this.#client;
    }
    set client(client) {
      this.#client = client;
      this.#schedule();
    }
    get engine() {
      return this.#engine;
    }
    set engine(engine) {
      this.#engine = engine;
      this.#schedule();
    }
    get confirmations() {
      return { ...this.#confirmations };
    }
    get report() {
      return this.#report;
    }

    connectedCallback() {
      this.#abort = new AbortController();
      this.#parts ??= this.#build();
      this.#schedule();
    }

    disconnectedCallback() {
      this.#abort.abort(new DOMException('The element was removed from the page.', 'AbortError'));
    }

    attributeChangedCallback() {
      this.#schedule();
    }

    /** The elements inside: report, confirmation boxes, Resize button, progress line. */
    #build() {
      const document = this.ownerDocument;
      const report = document.createElement('div');
      const confirm = document.createElement('fieldset');
      confirm.hidden = true;
      const legend = document.createElement('legend');
      legend.textContent = 'Confirm what the API cannot see';
      confirm.append(legend);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Resize';
      button.disabled = true;
      button.addEventListener('click', () => void this.resize());
      const progress = document.createElement('p');
      progress.setAttribute('role', 'status');
      progress.setAttribute('aria-live', 'polite');
      this.replaceChildren(report, confirm, button, progress);
      return { report, confirm, button, progress };
    }

    /** What a check or a resize needs, or undefined while something is missing. */
    #inputs() {
      const serverId = this.getAttribute('server-id');
      const flavorRef = this.getAttribute('flavor-ref');
      const client = this.#client;
      const engine = this.#engine;
      if (!serverId || !flavorRef || !client || !engine || !this.#parts) return undefined;
      const mode = this.getAttribute('mode') === 'withStopServer' ? ('withStopServer' as const) : undefined;
      return { serverId, flavorRef, client, engine, mode, parts: this.#parts, signal: this.#abort.signal };
    }

    /** The checkbox of a confirmation, made the first time a check offers it. */
    #confirmationBox(confirm: HTMLFieldSetElement, key: string, label: string): HTMLInputElement {
      const existing = [...confirm.querySelectorAll('input')].find((box) => box.name === key);
      if (existing) return existing;
      const box = this.ownerDocument.createElement('input');
      box.type = 'checkbox';
      box.name = key;
      box.checked = this.#confirmations[key] === true;
      box.addEventListener('change', () => {
        this.#confirmations = { ...this.#confirmations, [key]: box.checked };
        void this.check();
      });
      const wrapper = this.ownerDocument.createElement('label');
      wrapper.append(box, ` ${label}.`);
      confirm.append(wrapper);
      return box;
    }

    /** Runs one check after the current task (several changes in a row make one check). */
    #schedule() {
      if (!this.isConnected || this.#scheduled) return;
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        void this.check();
      });
    }

    #emit<K extends keyof ResizeCheckEventMap>(type: K, detail: ResizeCheckEventMap[K]['detail']) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }

    #fail(error: unknown, progress: HTMLElement) {
      progress.textContent = error instanceof Error ? error.message : String(error);
      this.#emit('error', { error });
    }

    async check() {
      const inputs = this.#inputs();
      if (!inputs || this.#busy) return undefined;
      const run = ++this.#run;
      const { client, engine, serverId, flavorRef, mode, parts, signal } = inputs;
      parts.button.disabled = true;
      parts.progress.textContent = 'Checking…';
      try {
        const { facts, report } = await check(client, serverId, flavorRef, {
          preflight: engine as Preflight<Report>,
          confirmations: this.#confirmations,
          mode,
          signal,
        });
        if (run !== this.#run) return undefined;
        this.#report = report;
        renderReport(report, parts.report);
        for (const { key, label, ruleIds } of confirmationsOffered(engine)) {
          const wanted = report.findings.some((finding) => ruleIds.has(finding.ruleId)) || this.#confirmations[key] === true;
          const box = this.#confirmationBox(parts.confirm, key, label);
          if (box.parentElement) box.parentElement.hidden = !wanted;
        }
        parts.confirm.hidden = [...parts.confirm.querySelectorAll('label')].every((label) => label.hidden);
        parts.button.disabled = !report.ok;
        parts.progress.textContent = '';
        this.#emit('preflight', { facts, report });
        return report;
      } catch (error) {
        if (run === this.#run && !signal.aborted) this.#fail(error, parts.progress);
        return undefined;
      }
    }

    async resize() {
      const inputs = this.#inputs();
      if (!inputs || this.#busy || !this.#report?.ok) return undefined;
      const { client, engine, serverId, flavorRef, mode, parts, signal } = inputs;
      this.#busy = true;
      this.#report = undefined;
      this.#run += 1;
      parts.button.disabled = true;
      parts.progress.textContent = 'Sending the resize…';
      this.#emit('resize-start', { serverId, flavorRef });
      try {
        // Not aborted when the element leaves the page: a resize half sent would be uncertain.
        const result = await client.resize(serverId, flavorRef, { preflight: engine, confirmations: this.#confirmations, mode });
        const job =
          result.jobId === undefined
            ? undefined
            : await client.waitForJob(result.jobId, {
                ...this.waitOptions,
                signal,
                onProgress: (polled) => {
                  parts.progress.textContent = `Job ${polled.job_id ?? result.jobId}: ${polled.status}`;
                  this.#emit('progress', { job: polled });
                },
              });
        parts.progress.textContent = job
          ? `Resized to ${flavorRef}: job ${job.job_id ?? result.jobId} succeeded.`
          : `Order ${result.orderId} placed.`;
        this.#emit('done', { result, job });
        return job;
      } catch (error) {
        this.#fail(error, parts.progress);
        return undefined;
      } finally {
        this.#busy = false;
      }
    }
  };
}

/**
 * Registers `<ecs-resize-check>` (or `tagName`) in the page's custom element registry and
 * returns its class; registering twice returns the first. Importing this module registers
 * nothing: call this once, in the browser.
 */
export function defineResizeCheckElement(
  tagName = 'ecs-resize-check',
  registry: CustomElementRegistry = customElements,
): CustomElementConstructor {
  return defineElement(tagName, registry, createElementClass);
}
