import {
  checkTargets,
  isEcsError,
  listServers,
  messageOf,
  resize,
  waitForJob,
  type Confirmations,
  type EcsConnection,
  type Job,
  type Preflight,
  type Server,
  type TargetCheck,
  type WaitForJobOptions,
} from '@ecs-resize/core';
import type { FlavorFacts, Report } from '@ecs-resize/rules';
import type { Choice } from './choice-list.js';
import { confirmationsOffered, type OfferedConfirmation } from './confirmations-offered.js';
import { renderReport } from './render-report.js';
import type { ResizeCheckEventMap } from './resize-check-element.js';
import { buildConsoleParts, type ConsoleParts } from './resize-console-parts.js';
import { visibleText } from './visible-text.js';
import { defineElement } from './define-element.js';

/** The events of `<ecs-resize-console>`, with their `detail`: those of `<ecs-resize-check>`, and `targets`. */
export interface ResizeConsoleEventMap extends ResizeCheckEventMap {
  /** The servers were listed. */
  servers: CustomEvent<{ servers: Server[] }>;
  /** The candidate flavors of the picked server were checked. */
  targets: CustomEvent<{ serverId: string; targets: TargetCheck<Report>[] }>;
}

/**
 * `<ecs-resize-console>`: a resize console to embed. Give it `client` (a connection or a client)
 * and `engine` (from `createRuleEngine`); it lists the servers (`listServers`), checks every
 * candidate flavor of the picked one (`checkTargets`) and shows each with its vCPUs, memory and
 * verdict, the blocking rules' first message as the reason; it shows the picked target's report
 * (`renderReport`), asks for the confirmations the rules that block it declare, in their words,
 * offers to stop and start a running server and to pay a yearly/monthly server's order, and
 * checks again when any of those changes; Resize is enabled only when the report allows it, sends
 * one resize and follows its job in an `aria-live` region. After a resize, nothing is allowed until
 * the server is checked again; after one whose outcome is unknown, Resize stays disabled for that
 * server (the status says why) until a check shows its state changed, or Check again.
 *
 * Theming: custom properties `--ecs-resize-accent`, `--ecs-resize-ok`, `--ecs-resize-warn`,
 * `--ecs-resize-danger`, `--ecs-resize-fg`, `--ecs-resize-bg`, `--ecs-resize-muted`,
 * `--ecs-resize-border`, `--ecs-resize-radius`, `--ecs-resize-font`, `--ecs-resize-list-height`;
 * parts `grid` (the two pickers), `servers` and `targets` (the pickers), `server-filter`,
 * `server-list`, `server-note`, `target-filter`, `target-list`, `target-note` (also `filter`,
 * `list`, `note` on both), `legend`, `filter-label`, `choice`, `choice-label`, `choice-text`,
 * `choice-name`, `choice-detail`, `verdict`, `reason`, `option` (both request options), `stop`,
 * `pay`, `check`, `report`, `confirmations`, `confirmation`, `actions`, `resize-button`,
 * `check-button`, `status`, `error`. A choice carries `data-verdict` (`ok`, `warn`, `blocked`),
 * the status `data-outcome="success"` after a resize.
 */
export interface ResizeConsoleElement extends HTMLElement {
  /** The ECS connection (`createEcsConnection` or `createEcsClient`); setting it lists the servers. */
  client: EcsConnection | undefined;
  /** The rule engine (or any preflight). */
  engine: Preflight | undefined;
  /** How to wait for the job: `interval`, `maxInterval`, `timeout` of `waitForJob`. @default waitForJob's */
  waitOptions: Pick<WaitForJobOptions, 'interval' | 'maxInterval' | 'timeout'>;
  /** The picked server's id. */
  readonly serverId: string | undefined;
  /** The picked target flavor. */
  readonly flavorRef: string | undefined;
  /** What the operator confirmed for the picked server. */
  readonly confirmations: Confirmations;
  /** The last check of the picked server's candidate flavors. */
  readonly targets: readonly TargetCheck<Report>[] | undefined;
  /** Lists the servers again; resolves with them, or undefined when that failed or was replaced. */
  refresh(): Promise<Server[] | undefined>;
  /**
   * Checks the picked server's targets again (the "Check again" button); this also lifts the hold
   * a resize of unknown outcome put on that server.
   */
  check(): Promise<TargetCheck<Report>[] | undefined>;
  /**
   * Sends the resize to the picked target (core checks it again first) and waits for its job.
   * Sends nothing while a check or a resize is in flight, until the server's next check lands after
   * a resize, or while its last resize may have reached it (until a check shows its state changed,
   * or {@link check}).
   */
  resize(): Promise<Job | undefined>;
}

/** `4 vCPUs · 8 GiB`, from the facts of a flavor. */
function sizeOf({ vcpus, ramMiB }: FlavorFacts): string {
  const cpus = vcpus === undefined ? '? vCPUs' : `${vcpus} vCPU${vcpus === 1 ? '' : 's'}`;
  return `${cpus} · ${ramMiB === undefined ? '?' : Math.round((ramMiB / 1024) * 10) / 10} GiB`;
}

/** A candidate flavor as a choice: its size, its verdict, and the first reason it is blocked. */
function targetChoice({ flavorRef, facts, report }: TargetCheck<Report>): Choice {
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const [first] = errors;
  return {
    value: flavorRef,
    label: visibleText(flavorRef),
    detail: sizeOf(facts.target),
    verdict: report.ok
      ? report.warningCount > 0
        ? { text: 'allowed, with warnings', kind: 'warn' }
        : { text: 'allowed', kind: 'ok' }
      : { text: 'blocked', kind: 'blocked' },
    reason: first && `${visibleText(first.message)}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`,
  };
}

/** Smaller flavors first: by vCPUs, then memory, then id. */
function bySize(a: TargetCheck, b: TargetCheck): number {
  const [x, y] = [a.facts.target, b.facts.target];
  return (x.vcpus ?? 0) - (y.vcpus ?? 0) || (x.ramMiB ?? 0) - (y.ramMiB ?? 0) || a.flavorRef.localeCompare(b.flavorRef);
}

/** A server as a choice: its name (its id when it has none), status and flavor. */
function serverChoice(server: Server): Choice {
  return {
    value: server.id,
    label: visibleText(server.name || server.id),
    detail: visibleText(`${server.status} · ${server.flavor.id}`),
  };
}

/** What the status says while a server's last resize may have reached it. */
const UNCERTAIN_NOTICE = 'The last resize may have reached this server: check the server and its jobs, then Check again.';

/** What a check shows of a server that a resize changes: status, task, flavor. */
function stateOf({ status, taskState, flavor }: TargetCheck['facts']['server']): string {
  return JSON.stringify([status, taskState, flavor.id]);
}

/** Builds the element class on the page's own `HTMLElement` (so importing this file touches no DOM). */
function createElementClass(Base: typeof HTMLElement): new () => ResizeConsoleElement {
  return class EcsResizeConsole extends Base implements ResizeConsoleElement {
    #client: EcsConnection | undefined;
    #engine: Preflight | undefined;
    /** The confirmations the engine's rules declare, computed once per engine. */
    #offered: OfferedConfirmation[] = [];
    waitOptions: Pick<WaitForJobOptions, 'interval' | 'maxInterval' | 'timeout'> = {};
    #servers: Server[] = [];
    #serverId: string | undefined;
    #flavorRef: string | undefined;
    #confirmations: Confirmations = {};
    #withStop = false;
    #autoPay = false;
    #targets: TargetCheck<Report>[] | undefined;
    /** The latest listing and check: an answer to an older one is dropped. */
    #listing = 0;
    #checking: AbortController | undefined;
    /** A resize is in flight: nothing else is sent, nothing can be changed, until it ends. */
    #busy = false;
    /**
     * Servers whose last resize may have reached them (its outcome is unknown), with their state
     * before it: Resize stays disabled for them until a check shows another state or Check again.
     */
    #uncertain = new Map<string, string>();
    /** Aborted when the element leaves the page: its look-ups and job wait stop. */
    #life = new AbortController();
    #ui: ConsoleParts | undefined;

    get client() {
      return this.#client;
    }
    set client(client) {
      this.#client = client;
      if (this.isConnected) void this.refresh();
    }
    get engine() {
      return this.#engine;
    }
    set engine(engine) {
      this.#engine = engine;
      this.#offered = engine ? confirmationsOffered(engine) : [];
      if (this.isConnected) void this.check();
    }
    get serverId() {
      return this.#serverId;
    }
    get flavorRef() {
      return this.#flavorRef;
    }
    get confirmations() {
      return { ...this.#confirmations };
    }
    get targets() {
      return this.#targets;
    }

    connectedCallback() {
      if (this.#life.signal.aborted) this.#life = new AbortController();
      this.#ui ??= this.#build();
      this.#showPicked(); // nothing picked yet: Resize and Check again disabled, no empty confirmation box
      void this.refresh().then(() => this.#checkTargets());
    }

    disconnectedCallback() {
      const reason = new DOMException('The element was removed from the page.', 'AbortError');
      this.#checking?.abort(reason);
      this.#life.abort(reason);
    }

    /** The shadow root's content, built once. */
    #build(): ConsoleParts {
      return buildConsoleParts(this.attachShadow({ mode: 'open' }), {
        pickServer: (serverId) => this.#pickServer(serverId),
        pickTarget: (flavorRef) => this.#pickFlavor(flavorRef),
        setWithStop: (withStop) => {
          this.#withStop = withStop;
          void this.#recheck();
        },
        setAutoPay: (autoPay) => {
          this.#autoPay = autoPay;
          void this.#recheck();
        },
        setConfirmation: (key, confirmed) => {
          this.#confirmations = { ...this.#confirmations, [key]: confirmed };
          void this.#recheck();
        },
        resize: () => void this.resize(),
        check: () => void this.check(),
      });
    }

    #emit<K extends keyof ResizeConsoleEventMap>(type: K, detail: ResizeConsoleEventMap[K]['detail']) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }

    /** Clears the last outcome (progress, success, failure): it is about another choice now. */
    #clearOutcome() {
      if (!this.#ui || this.#busy) return;
      this.#ui.status.textContent = '';
      delete this.#ui.status.dataset['outcome'];
      this.#ui.error.textContent = '';
    }

    /** Whether the picked server's last resize may have reached it: Resize is held. */
    #held(): boolean {
      return this.#serverId !== undefined && this.#uncertain.has(this.#serverId);
    }

    #fail(error: unknown) {
      if (!this.#ui) return;
      this.#ui.error.textContent = messageOf(error);
      this.#emit('error', { error });
    }

    async refresh() {
      const ui = this.#ui;
      const client = this.#client;
      if (!ui || !client || !this.isConnected) return undefined;
      const listing = ++this.#listing;
      const signal = this.#life.signal;
      ui.servers.busy(true);
      try {
        const servers = await listServers(client, { signal });
        if (listing !== this.#listing) return undefined;
        this.#servers = servers;
        ui.servers.show(servers.map(serverChoice), this.#serverId);
        this.#emit('servers', { servers });
        return servers;
      } catch (error) {
        if (listing === this.#listing && !signal.aborted) this.#fail(error);
        return undefined;
      } finally {
        if (listing === this.#listing) ui.servers.busy(false);
      }
    }

    #pickServer(serverId: string) {
      if (this.#busy || serverId === this.#serverId) return;
      this.#serverId = serverId;
      this.#flavorRef = undefined;
      this.#confirmations = {};
      this.#withStop = false;
      this.#autoPay = false;
      this.#targets = undefined;
      this.#clearOutcome();
      void this.#recheck();
    }

    #pickFlavor(flavorRef: string) {
      if (this.#busy) return;
      this.#flavorRef = flavorRef;
      this.#clearOutcome();
      this.#announcePicked();
    }

    async check() {
      if (this.#serverId !== undefined && !this.#busy) this.#uncertain.delete(this.#serverId);
      return this.#recheck();
    }

    /** Checks again after a choice changed; unlike Check again, it keeps Resize held after an unknown outcome. */
    async #recheck() {
      this.#clearOutcome();
      return this.#checkTargets();
    }

    /** Drops the last verdicts: no target is shown ready, and Resize waits for a check that lands. */
    #dropVerdicts(ui: ConsoleParts) {
      this.#targets = undefined;
      ui.targets.show([], this.#flavorRef);
    }

    /** Checks every candidate of the picked server; an older check still running is aborted. */
    async #checkTargets() {
      const ui = this.#ui;
      const client = this.#client;
      const engine = this.#engine;
      const serverId = this.#serverId;
      this.#checking?.abort(new DOMException('A newer check replaced this one.', 'AbortError'));
      if (!ui || !client || !engine || serverId === undefined || this.#busy || !this.isConnected) return undefined;
      const checking = new AbortController();
      this.#checking = checking;
      const { signal } = checking;
      this.#life.signal.addEventListener('abort', () => checking.abort(this.#life.signal.reason), { once: true, signal });
      this.#showPicked();
      ui.targets.busy(true);
      this.setAttribute('aria-busy', 'true');
      try {
        const targets = await checkTargets(client, serverId, {
          preflight: engine as Preflight<Report>,
          confirmations: this.#confirmations,
          ...this.#requestOptions(),
          signal,
        });
        if (signal.aborted) return undefined;
        // A state other than before an uncertain resize: the rules judge the server as it is now.
        if (targets[0] && stateOf(targets[0].facts.server) !== this.#uncertain.get(serverId)) this.#uncertain.delete(serverId);
        this.#targets = targets.sort(bySize);
        if (!targets.some((target) => target.flavorRef === this.#flavorRef)) this.#flavorRef = undefined;
        ui.targets.show(targets.map(targetChoice), this.#flavorRef);
        this.#emit('targets', { serverId, targets });
        return targets;
      } catch (error) {
        if (signal.aborted) return undefined;
        this.#dropVerdicts(ui);
        this.#fail(error);
        return undefined;
      } finally {
        if (this.#checking === checking) {
          this.#checking = undefined;
          ui.targets.busy(false);
          this.removeAttribute('aria-busy');
          this.#announcePicked();
        }
        checking.abort(); // drops its listener on #life
      }
    }

    /** What the resize will send besides the flavor, as the options ask; the check sees the same. */
    #requestOptions() {
      return { mode: this.#withStop ? ('withStopServer' as const) : undefined, autoPay: this.#autoPay || undefined };
    }

    /** The picked target's check, when the last check of the picked server has one. */
    #picked(): TargetCheck<Report> | undefined {
      return this.#targets?.find((target) => target.flavorRef === this.#flavorRef);
    }

    /** Shows the picked target's report and the confirmations its rules ask for; enables Resize when it may go. */
    #showPicked() {
      const ui = this.#ui;
      if (!ui) return;
      const server = this.#servers.find((candidate) => candidate.id === this.#serverId);
      ui.stop.checked = this.#withStop;
      ui.stop.parentElement!.hidden = !server || server.status === 'SHUTOFF';
      ui.pay.checked = this.#autoPay;
      ui.pay.parentElement!.hidden = this.#targets?.[0]?.facts.server.chargingMode !== 'prePaid';
      const picked = this.#checking ? undefined : this.#picked();
      if (picked) renderReport(picked.report, ui.report);
      else ui.report.replaceChildren();
      for (const { key, label, ruleIds } of this.#offered) {
        const box = ui.confirmationBox(key, label);
        box.checked = this.#confirmations[key] === true;
        const asked = picked?.report.findings.some((finding) => ruleIds.has(finding.ruleId)) === true;
        box.parentElement!.hidden = !asked && !box.checked;
      }
      ui.confirmations.hidden = !picked || [...ui.boxes.values()].every((box) => box.parentElement!.hidden);
      ui.confirmations.disabled = this.#busy;
      const held = this.#held();
      if (held) ui.status.textContent = UNCERTAIN_NOTICE;
      else if (ui.status.textContent === UNCERTAIN_NOTICE) ui.status.textContent = '';
      ui.resizeButton.disabled = this.#busy || held || !picked?.report.ok;
      ui.resizeButton.textContent = picked ? `Resize to ${visibleText(picked.flavorRef)}` : 'Resize';
      ui.checkButton.disabled = this.#busy || this.#serverId === undefined;
      ui.servers.element.disabled = this.#busy;
      ui.targets.element.disabled = this.#busy;
      ui.stop.disabled = this.#busy;
      ui.pay.disabled = this.#busy;
      return picked;
    }

    /** Shows the picked target, and tells the page its report. */
    #announcePicked() {
      const picked = this.#showPicked();
      if (picked) this.#emit('preflight', { facts: picked.facts, report: picked.report });
    }

    async resize() {
      const ui = this.#ui;
      const client = this.#client;
      const engine = this.#engine;
      const picked = this.#picked();
      const serverId = this.#serverId;
      if (
        !ui ||
        !client ||
        !engine ||
        serverId === undefined ||
        this.#busy ||
        this.#checking ||
        this.#held() ||
        !picked?.report.ok
      )
        return undefined;
      const { flavorRef } = picked;
      this.#busy = true;
      this.#showPicked();
      ui.error.textContent = '';
      ui.status.textContent = `Sending the resize to ${visibleText(flavorRef)}…`;
      this.#emit('resize-start', { serverId, flavorRef });
      try {
        // Never aborted: a resize half sent would leave its outcome unknown.
        const result = await resize(client, serverId, flavorRef, {
          preflight: engine,
          confirmations: this.#confirmations,
          ...this.#requestOptions(),
        });
        const jobId = result.jobId;
        const job =
          jobId === undefined
            ? undefined
            : await waitForJob(client, jobId, {
                ...this.waitOptions,
                signal: this.#life.signal,
                onProgress: (polled) => {
                  ui.status.textContent = `Job ${visibleText(jobId)}: ${visibleText(polled.status)}`;
                  this.#emit('progress', { job: polled });
                },
              });
        ui.status.dataset['outcome'] = 'success';
        ui.status.textContent = job
          ? `Resized to ${visibleText(flavorRef)}: job ${visibleText(jobId!)} succeeded.`
          : `Order ${visibleText(result.orderId ?? '')} placed: pay it or follow it in the billing center.`;
        this.#emit('done', { result, job });
        return job;
      } catch (error) {
        // Anything but a failure that proves nothing happened leaves the server's state unknown.
        if (!isEcsError(error) || error.mayHaveTakenEffect) this.#uncertain.set(serverId, stateOf(picked.facts.server));
        ui.status.textContent = '';
        this.#fail(error);
        return undefined;
      } finally {
        this.#busy = false;
        // The server has changed (or may have): nothing is allowed until it is listed and checked again.
        this.#dropVerdicts(ui);
        this.#showPicked();
        void this.refresh().then(() => this.#checkTargets());
      }
    }
  };
}

/**
 * Registers `<ecs-resize-console>` (or `tagName`) in the page's custom element registry and
 * returns its class; registering twice returns the first. Importing this module registers
 * nothing: call this once, in the browser.
 */
export function defineResizeConsoleElement(
  tagName = 'ecs-resize-console',
  registry: CustomElementRegistry = customElements,
): CustomElementConstructor {
  return defineElement(tagName, registry, createElementClass);
}
