import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { FormattedText } from '@rapport/shared/formatted-text.ts';
import { LIMITS } from '@rapport/shared/limits.ts';
import { formattedText } from '@rapport/shared/ui/rich-text.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateTime } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, type Outcome, problemFor } from '../client/mutate.ts';
import {
  CHANGELOG_ENTRY,
  type ChangelogEntry,
  CREATE_ENTRY,
  DELETE_ENTRY,
  FORMATTED_PREVIEW,
  type LinkedThread,
  PUBLISH_ENTRY,
  UNPUBLISH_ENTRY,
  UPDATE_ENTRY,
} from '../documents/changelog.ts';
import { SEARCH_THREADS } from '../documents/thread.ts';
import { currentLocale } from '../i18n/localize.ts';
import { networkError } from '../i18n/words.ts';
import { navigate } from '../router.ts';
import { adminStyles } from '../styles.ts';
import { entryBy, entryState, entryTitle, shipsSection } from './changelog-state.ts';

const PREVIEW_DELAY_MS = 400;

/** A date-time input's value (local time, to the minute) for a Date. */
const localInput = (date: Date) =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * Writing a "What's new" entry: its title, its text in Markdown with a preview as customers will
 * see it, and the threads it ships (found by search). Saved as a draft, published now or at a
 * time, unpublished, or deleted while a draft. Publishing ships the threads and tells everyone who
 * asked for them.
 */
export class AdminChangelogEntry extends LitElement {
  static override properties = {
    app: { attribute: false },
    entryId: { attribute: false },
    entry: { state: true },
    headline: { state: true },
    body: { state: true },
    threads: { state: true },
    preview: { state: true },
    search: { state: true },
    candidates: { state: true },
    scheduleAt: { state: true },
    problem: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
      }
      input[type='text'],
      input[type='search'] {
        width: 100%;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18em, 1fr));
        gap: var(--_space);
      }
      .preview {
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        padding: 0.6em;
        min-height: 6em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: end;
      }
    `,
  ];

  declare app: AdminApp;
  /** The entry's API id, or 'new'. */
  declare entryId: string;
  entry: ChangelogEntry | undefined;
  /** The entry's title as edited (not `title`: that is the element's own tooltip). */
  headline = '';
  body = '';
  threads: LinkedThread[] = [];
  preview: FormattedText = [];
  search = '';
  candidates: LinkedThread[] | undefined;
  scheduleAt = localInput(new Date(Date.now() + 3_600_000));
  problem: Problem | undefined;
  done = '';
  busy = false;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Not when the new address is of the entry just saved here: it is shown already.
    if (changed.has('entryId') && this.entry?.id !== this.entryId) void this.#load();
  }

  async #load(): Promise<void> {
    if (this.entryId === 'new') {
      this.entry = undefined;
      this.headline = '';
      this.body = '';
      this.threads = [];
      this.preview = [];
      return;
    }
    const result = await this.app.client
      .query(CHANGELOG_ENTRY, { community: this.app.community, id: this.entryId }, { requestPolicy: 'network-only' })
      .toPromise();
    const entry = result.data?.community?.changelogEntry;
    if (!entry) {
      this.problem = { message: result.error ? networkError() : msg('This entry does not exist (any more).') };
      return;
    }
    this.#show(entry);
  }

  #show(entry: ChangelogEntry): void {
    this.entry = entry;
    this.headline = entry.title;
    this.body = entry.body;
    this.threads = entry.threads.map(({ id, title }) => ({ id, title }));
    void this.#renderPreview();
  }

  #onBody(value: string): void {
    this.body = value;
    clearTimeout(this.#previewTimer);
    this.#previewTimer = setTimeout(() => this.#renderPreview(), PREVIEW_DELAY_MS);
  }

  /** The text as customers will see it, formatted by the server (the same rules as when shown). */
  async #renderPreview(): Promise<void> {
    const text = this.body;
    if (!text.trim()) {
      this.preview = [];
      return;
    }
    const result = await this.app.client.query(FORMATTED_PREVIEW, { text }).toPromise();
    if (text === this.body && result.data) this.preview = result.data.formattedPreview;
  }

  #onSearch(value: string): void {
    this.search = value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#find(), 300);
  }

  async #find(): Promise<void> {
    const search = this.search.trim();
    if (!search) {
      this.candidates = undefined;
      return;
    }
    const result = await this.app.client.query(SEARCH_THREADS, { community: this.app.community, search }).toPromise();
    if (search !== this.search.trim()) return;
    const found: LinkedThread[] = (result.data?.community?.search.edges ?? []).map((e) => e.node.thread);
    this.candidates = found.filter((t) => !this.threads.some((l) => l.id === t.id));
  }

  #input() {
    return { title: this.headline, body: this.body, threadIds: this.threads.map((t) => t.id) };
  }

  /** Runs an action on the entry; shows what it became, or the problem. */
  async #act(action: () => Promise<Outcome<Record<string, ChangelogEntry>>>, done: string): Promise<void> {
    this.busy = true;
    const outcome = await action();
    this.busy = false;
    this.problem = outcome.problem;
    this.done = outcome.problem ? '' : done;
    const entry = outcome.data && Object.values(outcome.data)[0];
    if (entry && typeof entry === 'object') {
      this.#show(entry);
      // A new entry gets its own address (the screen then stays on it).
      if (this.entryId === 'new') navigate({ name: 'whats-new', id: entry.id });
    }
  }

  #save = () =>
    this.#act(
      () =>
        this.entry
          ? mutate(this.app, UPDATE_ENTRY, { id: this.entry.id, input: this.#input() })
          : mutate(this.app, CREATE_ENTRY, { input: this.#input() }),
      msg('Saved.'),
    );

  /** Publishing (now or later) saves what is on the screen first. */
  async #publish(at: Date | null): Promise<void> {
    if (!this.entry || this.headline !== this.entry.title || this.body !== this.entry.body || this.#threadsChanged()) {
      await this.#save();
      if (this.problem || !this.entry) return;
    }
    const id = this.entry.id;
    await this.#act(
      () => mutate(this.app, PUBLISH_ENTRY, { id, at: at?.toISOString() ?? null }),
      at ? msg('Scheduled.') : msg('Published: its threads are shipped and everyone who asked is being told.'),
    );
  }

  #threadsChanged(): boolean {
    const saved = this.entry?.threads.map((t) => t.id).join() ?? '';
    return saved !== this.threads.map((t) => t.id).join();
  }

  async #delete(): Promise<void> {
    if (!this.entry) return;
    this.busy = true;
    const outcome = await mutate(this.app, DELETE_ENTRY, { id: this.entry.id });
    this.busy = false;
    this.problem = outcome.problem;
    if (!outcome.problem) navigate({ name: 'whats-new' });
  }

  override render() {
    const e = this.entry;
    const state = e
      ? `${entryState(e, (iso) => dateTime(iso, currentLocale()))} · ${entryBy(e.author)}`
      : msg('New entry (not saved yet)');
    return html`<p><a href="/admin/whats-new">${msg("← What's new")}</a></p>
      <h1>${e ? e.title : msg('New entry')}</h1>
      <p class="muted" role="status">${state}</p>
      <div class="columns">
        <section class="panel" aria-label=${msg('Writing the entry')}>
          <div class="field"><label for="entry-title">${entryTitle()}</label>
            <input id="entry-title" type="text" maxlength=${LIMITS.changelogTitle.max} .value=${this.headline}
              aria-invalid=${problemFor(this.problem, 'title') ? 'true' : 'false'} aria-describedby="entry-problem"
              @input=${(ev: Event) => {
                this.headline = (ev.target as HTMLInputElement).value;
              }} /></div>
          <div class="field"><label for="entry-body">${msg('Text', { desc: 'The text of a "What\'s new" entry' })}</label>
            <textarea id="entry-body" rows="10" .value=${this.body} aria-describedby="entry-body-hint entry-problem"
              aria-invalid=${problemFor(this.problem, 'body') ? 'true' : 'false'}
              @input=${(ev: Event) => this.#onBody((ev.target as HTMLTextAreaElement).value)}></textarea>
            <span id="entry-body-hint" class="muted">${msg('Markdown: **bold**, *italic*, [links](https://…), lists with "- ", `code`.')}</span></div>
        </section>
        <section class="panel" aria-labelledby="preview-title">
          <h2 id="preview-title">${msg('Preview', { desc: 'How the text will look to customers' })}</h2>
          <div class="preview">${this.preview.length ? formattedText(this.preview) : html`<p class="muted">${msg('The text, as customers will see it.')}</p>`}</div>
        </section>
      </div>
      ${shipsSection({
        threads: this.threads,
        candidates: this.candidates,
        search: this.search,
        invalid: Boolean(problemFor(this.problem, 'threadIds')),
        onSearch: (value) => this.#onSearch(value),
        onRemove: (thread) => {
          this.threads = this.threads.filter((l) => l.id !== thread.id);
        },
        onAdd: (thread) => {
          this.threads = [...this.threads, thread];
          this.candidates = this.candidates?.filter((c) => c.id !== thread.id);
        },
      })}
      <p class="error" id="entry-problem" role="alert">${this.problem?.message ?? ''}</p>
      <p class="ok" role="status">${this.done}</p>
      <div class="actions">
        <button class="btn" ?disabled=${this.busy} @click=${this.#save}>${e?.status === 'PUBLISHED' ? msg('Save changes') : msg('Save draft')}</button>
        ${
          e?.status === 'PUBLISHED'
            ? html`<button class="btn" ?disabled=${this.busy} @click=${() => this.#act(() => mutate(this.app, UNPUBLISH_ENTRY, { id: e.id }), msg('Unpublished: it is a draft again.'))}>${msg('Unpublish')}</button>`
            : html`<button class="btn primary" ?disabled=${this.busy} @click=${() => this.#publish(null)}>${msg('Publish now')}</button>
              <label>${msg('Or publish at')}
                <input type="datetime-local" .value=${this.scheduleAt} @input=${(ev: Event) => {
                  this.scheduleAt = (ev.target as HTMLInputElement).value;
                }} /></label>
              <button class="btn" ?disabled=${this.busy} @click=${() => this.#publish(new Date(this.scheduleAt))}>${msg('Schedule', { desc: 'Button: publish at the time chosen' })}</button>`
        }
        ${
          e && e.status !== 'PUBLISHED'
            ? html`<button class="btn" ?disabled=${this.busy} @click=${this.#delete}>${msg('Delete draft')}</button>`
            : nothing
        }
      </div>`;
  }
}
