import { msg } from '@lit/localize';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AdminApp } from '../app.ts';
import { loading, tryAgain } from '../i18n/words.ts';
import { type Problem, problemOf } from './errors.ts';

type Host = ReactiveControllerHost & { app: AdminApp };

/** A load's requests: `fetch` runs the query (extra variables, e.g. a cursor); see QueryController.load. */
type Work<Data, Variables> = (fetch: (extra?: Partial<Variables>) => Promise<Data | undefined>) => Promise<void>;

/**
 * A screen's data, as a Lit reactive controller: it fetches when the host first renders and again
 * whenever the variables change (answers to the old variables are dropped), refreshes when told
 * something changed, and renders the loading and error states every screen shares (the error
 * with a way to try again).
 *
 * Refreshes wait for the request in flight, one at a time: urql gives identical queries in flight
 * one shared answer, so a refresh sent while an older request is out would get the older answer,
 * from before the change that prompted it (a live reply would be missing until the next event).
 */
export class QueryController<Data, Variables extends AnyVariables> implements ReactiveController {
  data: Data | undefined;
  problem: Problem | undefined;
  #key: string | undefined;
  /** The variables of the last run; refreshes reuse them. */
  #current: Variables | undefined;
  /** Bumped by each run: answers to requests of an earlier one are dropped. */
  #generation = 0;
  /** The last load started or queued: the next queued one starts when it ends. */
  #tail: Promise<void> = Promise.resolve();
  /** A refresh not yet started: refreshes asked for meanwhile join it instead of queuing more. */
  #queuedRefresh: Promise<void> | undefined;
  readonly #host: Host;
  readonly #document: TypedDocumentNode<Data, Variables>;
  /** The variables, read before every update: when they change, the query runs again. */
  readonly #variables: () => Variables;

  constructor(host: Host, document: TypedDocumentNode<Data, Variables>, variables: () => Variables) {
    this.#host = host;
    this.#document = document;
    this.#variables = variables;
    host.addController(this);
  }

  hostUpdate(): void {
    const key = JSON.stringify(this.#variables());
    if (key !== this.#key) void this.run();
  }

  /** Fetches from the start, at once (new variables, or "try again"); older answers are dropped. */
  run(): Promise<void> {
    this.#current = this.#variables();
    this.#key = JSON.stringify(this.#current);
    this.#generation++;
    this.#queuedRefresh = undefined;
    return this.#enqueue(this.loadWork(false), Promise.resolve());
  }

  /**
   * Fetches again without losing the place, after the request in flight (something changed: a
   * live event, the screen's own change). Several refreshes asked for while one waits are one.
   */
  refresh(): Promise<void> {
    if (!this.#queuedRefresh) {
      // The work is made when the refresh starts: a list counts the nodes shown then.
      this.#queuedRefresh = this.#enqueue((fetch) => this.loadWork(true)(fetch), this.#tail);
    }
    return this.#queuedRefresh;
  }

  /** Runs `work` after the request in flight (see the class comment); a ListController pages this way. */
  protected load(work: Work<Data, Variables>): Promise<void> {
    return this.#enqueue(work, this.#tail);
  }

  /** What a run (keepPlace false) or a refresh fetches; a list keeps as many nodes as it shows. */
  protected loadWork(_keepPlace: boolean): Work<Data, Variables> {
    return async (fetch) => {
      const data = await fetch();
      if (data) this.data = data;
    };
  }

  /** Runs `work` once `after` has ended, unless a newer run starts first; drops its answers if one does. */
  #enqueue(work: Work<Data, Variables>, after: Promise<void>): Promise<void> {
    const generation = this.#generation;
    const task = after.then(async () => {
      // Started (or skipped): a refresh asked for from now on is a new one.
      if (this.#queuedRefresh === task) this.#queuedRefresh = undefined;
      const variables = this.#current;
      if (generation !== this.#generation || !variables) return;
      let current = true;
      await work(async (extra = {}) => {
        const result = await this.#host.app.client.query(this.#document, { ...variables, ...extra }).toPromise();
        current = generation === this.#generation;
        if (!current) return undefined;
        this.problem = result.data ? undefined : problemOf(result.error);
        return result.data ?? undefined;
      });
      if (current) this.#host.requestUpdate();
    });
    this.#tail = task.catch(() => {});
    return task;
  }

  protected requestUpdate(): void {
    this.#host.requestUpdate();
  }

  /** The loaded view, or "Loading…", or the problem with a retry button. */
  render(loaded: (data: Data) => unknown): unknown {
    if (this.problem && !this.data) return failed(this.problem, () => this.run());
    if (!this.data) return html`<p class="muted" aria-busy="true">${loading()}</p>`;
    return loaded(this.data);
  }
}

/** A request that failed, in words, with a way to try again. */
export function failed(problem: Problem, retry: () => unknown): TemplateResult {
  return html`<div class="panel" role="alert">
    <p class="error">${problem.message}</p>
    <button class="btn" @click=${retry}>${tryAgain()}</button>
  </div>`;
}

export interface Connection<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A paged list (a Relay connection): the first page like any query, then "Load more" appends the
 * next pages. New variables start again from the first page; a refresh (a live event) fetches as
 * many pages as are shown and swaps them in at once, so the list neither jumps nor shrinks.
 */
export class ListController<
  Data,
  Node,
  Variables extends AnyVariables & { after?: string | null },
> extends QueryController<Data, Variables> {
  /** Nodes of the pages after the first, and where the next page starts (null: no more). */
  #more: Node[] = [];
  #cursor: string | null = null;
  loadingMore = false;
  readonly #connection: (data: Data) => Connection<Node> | undefined;

  constructor(
    host: Host,
    document: TypedDocumentNode<Data, Variables>,
    variables: () => Variables,
    /** Where the connection is in the answer. */
    connection: (data: Data) => Connection<Node> | undefined,
  ) {
    super(host, document, variables);
    this.#connection = connection;
  }

  /** Every node loaded so far, or undefined before the first page. */
  get nodes(): Node[] | undefined {
    const first = this.data && this.#connection(this.data);
    return first ? [...first.edges.map((e) => e.node), ...this.#more] : undefined;
  }

  get nextCursor(): string | null {
    return this.#cursor;
  }

  /** From the first page (keepPlace false), or as many pages as are shown: swapped in at once. */
  protected override loadWork(keepPlace: boolean): Work<Data, Variables> {
    return async (fetch) => {
      const wanted = keepPlace ? (this.nodes?.length ?? 0) : 0;
      const data = await fetch({ after: null } as Partial<Variables>);
      const first = data && this.#connection(data);
      if (!data || !first) return;
      const more: Node[] = [];
      let cursor = first.pageInfo.hasNextPage ? first.pageInfo.endCursor : null;
      while (cursor && first.edges.length + more.length < wanted) {
        const page = await fetch({ after: cursor } as Partial<Variables>);
        const next = page && this.#connection(page);
        if (!next) return;
        more.push(...next.edges.map((e) => e.node));
        cursor = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
      }
      this.data = data;
      this.#more = more;
      this.#cursor = cursor;
    };
  }

  /** The next page, appended (after a refresh in flight, from where that one ends). */
  async loadMore(): Promise<void> {
    if (!this.#cursor || this.loadingMore) return;
    this.loadingMore = true;
    this.requestUpdate();
    await this.load(async (fetch) => {
      const after = this.#cursor;
      if (!after) return;
      const page = await fetch({ after } as Partial<Variables>);
      const next = page && this.#connection(page);
      if (!next) return;
      this.#more = [...this.#more, ...next.edges.map((e) => e.node)];
      this.#cursor = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    });
    this.loadingMore = false;
    this.requestUpdate();
  }

  /** The nodes (`view`, as a list or a table), or `empty`, and "Load more" while there are more pages. */
  renderList(view: (nodes: Node[]) => unknown, empty: unknown, moreLabel = msg('Load more')): unknown {
    return this.render(() => {
      const nodes = this.nodes ?? [];
      return html`${nodes.length ? view(nodes) : empty}
        ${this.problem ? html`<p class="error" role="alert">${this.problem.message}</p>` : nothing}
        ${
          this.#cursor
            ? html`<button class="btn" ?disabled=${this.loadingMore} @click=${() => this.loadMore()}>${moreLabel}</button>`
            : nothing
        }`;
    });
  }
}
