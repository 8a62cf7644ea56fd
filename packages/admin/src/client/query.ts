import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AdminApp } from '../app.ts';
import { strings } from '../strings.ts';
import { type Problem, problemOf } from './errors.ts';

type Host = ReactiveControllerHost & { app: AdminApp };

/**
 * A screen's data, as a Lit reactive controller: it fetches when the host first renders and again
 * whenever the variables change, keeps only the newest answer when requests overlap, and renders
 * the loading and error states every screen shares (the error with a way to try again).
 */
export class QueryController<Data, Variables extends AnyVariables> implements ReactiveController {
  data: Data | undefined;
  problem: Problem | undefined;
  #key: string | undefined;
  #sequence = 0;
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

  /** Fetches again, from the start (new variables, or "try again"). */
  run(): Promise<void> {
    return this.load(async (fetch) => {
      const data = await fetch();
      if (data) this.data = data;
    });
  }

  /** Fetches again without losing the place (a live event says something moved); see ListController. */
  refresh(): Promise<void> {
    return this.run();
  }

  /**
   * Runs `work` as the newest request: its answers are dropped if a newer one starts meanwhile.
   * `fetch` runs the query (extra variables, e.g. a cursor) and reports a failure as `problem`.
   */
  protected async load(work: (fetch: (extra?: Partial<Variables>) => Promise<Data | undefined>) => Promise<void>) {
    const variables = this.#variables();
    this.#key = JSON.stringify(variables);
    const sequence = ++this.#sequence;
    let current = true;
    const fetch = async (extra: Partial<Variables> = {}) => {
      const result = await this.#host.app.client.query(this.#document, { ...variables, ...extra }).toPromise();
      current = sequence === this.#sequence;
      if (!current) return undefined;
      this.problem = result.data ? undefined : problemOf(result.error);
      return result.data ?? undefined;
    };
    await work(fetch);
    if (current) this.#host.requestUpdate();
  }

  protected requestUpdate(): void {
    this.#host.requestUpdate();
  }

  /** The loaded view, or "Loading…", or the problem with a retry button. */
  render(loaded: (data: Data) => unknown): unknown {
    if (this.problem && !this.data) return failed(this.problem, () => this.run());
    if (!this.data) return html`<p class="muted" aria-busy="true">${strings.loading}</p>`;
    return loaded(this.data);
  }
}

/** A request that failed, in words, with a way to try again. */
export function failed(problem: Problem, retry: () => unknown): TemplateResult {
  return html`<div class="panel" role="alert">
    <p class="error">${problem.message}</p>
    <button class="btn" @click=${retry}>${strings.retry}</button>
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

  override run(): Promise<void> {
    return this.#fetchPages(0);
  }

  override refresh(): Promise<void> {
    return this.#fetchPages(this.nodes?.length ?? 0);
  }

  /** The first page, then more until at least `wanted` nodes; all shown together. */
  #fetchPages(wanted: number): Promise<void> {
    return this.load(async (fetch) => {
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
    });
  }

  async loadMore(): Promise<void> {
    const after = this.#cursor;
    if (!after || this.loadingMore) return;
    this.loadingMore = true;
    this.requestUpdate();
    await this.load(async (fetch) => {
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
  renderList(view: (nodes: Node[]) => unknown, empty: unknown, moreLabel = strings.loadMore): unknown {
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
