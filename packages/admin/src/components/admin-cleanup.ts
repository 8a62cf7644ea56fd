import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { type Problem, problemOf } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { CLEANUP_PREVIEW, CLEANUPS, RUN_CLEANUP, UNDO_CLEANUP } from '../graphql-relationships.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface Preview {
  total: number;
  memberIds: string[];
  candidates: {
    reason: string;
    lastActiveAt: string;
    member: { id: string; displayName: string; email: string | null };
  }[];
}

interface CleanupRow {
  id: string;
  rule: string;
  memberCount: number;
  dueAt: string;
  canUndo: boolean;
  undoneAt: string | null;
  createdAt: string;
  by: { name: string } | null;
}

/** "in 7 days" / "3 hours ago": the time relative to now, either way. */
const relative = (iso: string) => {
  const days = Math.round((new Date(iso).getTime() - Date.now()) / 86_400_000);
  return days > 0 ? `in ${days} ${days === 1 ? 'day' : 'days'}` : timeAgo(iso);
};

/**
 * Clean-up, for managers (on the members page): choose a rule, see exactly who it takes, confirm
 * (they are erased after the grace period), and undo a recent clean-up until then. Sends
 * `rapport-changed` after each change, so the member list reloads.
 */
export class AdminCleanup extends LitElement {
  static override properties = {
    app: { attribute: false },
    rule: { state: true },
    inactiveDays: { state: true },
    preview: { state: true },
    problem: { state: true },
    done: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
        margin-top: 1.5em;
      }
      .row {
        align-items: end;
      }
    `,
  ];

  declare app: AdminApp;
  rule = 'INACTIVE_WITHOUT_CONSENT';
  /** Null: the rule's default (365 days for the inactive rule, 90 for the others). */
  inactiveDays: number | null = null;
  preview: Preview | undefined;
  problem: Problem | undefined;
  done = '';

  readonly #cleanups = new QueryController<{ community: { cleanups: CleanupRow[] } | null }, { community: string }>(
    this,
    CLEANUPS,
    () => ({ community: this.app.community }),
  );

  #variables() {
    return { rule: this.rule, inactiveDays: this.inactiveDays };
  }

  async #preview(event: Event): Promise<void> {
    event.preventDefault();
    this.done = '';
    const result = await this.app.client
      .query(
        CLEANUP_PREVIEW,
        { community: this.app.community, ...this.#variables() },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    const preview = result.data?.community?.cleanupPreview as Preview | undefined;
    this.problem = preview ? undefined : (problemOf(result.error) ?? { message: strings.networkError });
    this.preview = preview;
  }

  async #run(preview: Preview): Promise<void> {
    const outcome = await mutate(this.app, RUN_CLEANUP, { ...this.#variables(), ids: preview.memberIds });
    if (outcome.problem) {
      this.problem = outcome.problem;
      return;
    }
    const { cleanup } = outcome.data.runCleanup;
    this.preview = undefined;
    this.done = strings.cleanupScheduled(cleanup.memberCount, relative(cleanup.dueAt));
    this.#changed();
  }

  async #undo(id: string): Promise<void> {
    const outcome = await mutate(this.app, UNDO_CLEANUP, { id });
    this.problem = outcome.problem;
    if (!outcome.problem) this.#changed();
  }

  #changed(): void {
    void this.#cleanups.refresh();
    this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
  }

  #previewList(p: Preview) {
    const s = strings;
    if (p.total === 0) return html`<p>${s.cleanupNobody}</p>`;
    return html`<p>${s.cleanupCount(p.total)}</p>
      <ul class="plain cleanup-preview">${p.candidates.map(
        ({
          member: m,
          reason,
          lastActiveAt,
        }) => html`<li>${m.displayName} ${m.email ? html`<span class="muted">${m.email}</span>` : nothing}
          <span class="muted">· ${s.cleanupReasons[reason] ?? reason} · ${s.lastActive(timeAgo(lastActiveAt))}</span></li>`,
      )}</ul>
      ${p.total > p.candidates.length ? html`<p class="muted">${s.cleanupMore(p.total - p.candidates.length)}</p>` : nothing}
      <button class="btn primary" @click=${() => this.#run(p)}>${s.cleanupConfirm(p.total)}</button>`;
  }

  override render() {
    const s = strings;
    return html`<section class="panel" aria-labelledby="cleanup-title">
      <h2 id="cleanup-title">${s.cleanupTitle}</h2>
      <p class="muted">${s.cleanupIntro}</p>
      <form class="row" @submit=${this.#preview} novalidate aria-label=${s.cleanupTitle}>
        <div class="field"><label for="cleanup-rule">${s.cleanupRule}</label>
          <select id="cleanup-rule" @change=${(e: Event) => {
            this.rule = (e.target as HTMLSelectElement).value;
            this.preview = undefined;
          }}>${Object.entries(s.cleanupRules).map(([value, label]) => html`<option value=${value} ?selected=${value === this.rule}>${label}</option>`)}</select></div>
        <div class="field"><label for="cleanup-days">${s.inactiveDays}</label>
          <input id="cleanup-days" type="number" min="30" max="3650"
            placeholder=${this.rule === 'INACTIVE_WITHOUT_CONSENT' ? '365' : '90'}
            .value=${this.inactiveDays === null ? '' : String(this.inactiveDays)} @input=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value;
              this.inactiveDays = value === '' ? null : Number(value);
            }} aria-invalid=${problemFor(this.problem, 'inactiveDays') ? 'true' : 'false'} aria-describedby="cleanup-problem cleanup-days-hint" />
          <span class="muted" id="cleanup-days-hint">${s.inactiveDaysHint}</span></div>
        <button class="btn">${s.preview}</button>
      </form>
      <p class="error" id="cleanup-problem" role="alert">${this.problem?.message ?? ''}</p>
      ${this.preview ? this.#previewList(this.preview) : nothing}
      <p class="ok" role="status">${this.done}</p>
      ${this.#cleanups.render((data) => {
        const rows = data.community?.cleanups ?? [];
        return rows.length
          ? html`<h3>${s.recentCleanups}</h3><ul class="plain">${rows.map(
              (c) => html`<li>${s.cleanupLine(s.cleanupRules[c.rule] ?? c.rule, c.memberCount, c.by?.name ?? null)}
                <span class="muted">· ${c.undoneAt ? s.undone : relative(c.dueAt)}</span>
                ${c.canUndo ? html`<button class="btn" @click=${() => this.#undo(c.id)}>${s.undo}</button>` : nothing}</li>`,
            )}</ul>`
          : nothing;
      })}
    </section>`;
  }
}
