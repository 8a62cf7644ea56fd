import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { type Problem, problemOf } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { CLEANUP_PREVIEW, CLEANUPS, type CleanupPreview, RUN_CLEANUP, UNDO_CLEANUP } from '../documents/cleanup.ts';
import type { CleanupRule } from '../generated/graphql.ts';
import { currentLocale, t } from '../i18n/localize.ts';
import { networkError } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

/** "in 7 days" / "3 hours ago": the time relative to now, either way. */
const relative = (iso: string) => {
  const days = Math.round((new Date(iso).getTime() - Date.now()) / 86_400_000);
  return days > 0
    ? new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'always' }).format(days, 'day')
    : timeAgo(iso, Date.now(), currentLocale());
};

const ruleNames = (): Record<string, string> => ({
  INACTIVE_WITHOUT_CONSENT: msg('Inactive, and agreed to nothing'),
  UNSUBSCRIBED: msg('Unsubscribed from emails'),
  BOUNCED: msg('Email bounced'),
});

/** Why a rule proposes someone. */
const reasonNames = (): Record<string, string> => ({
  NOT_SEEN_WITHOUT_CONSENT: msg('Not seen, and agreed to no contact'),
  EMAILS_TURNED_OFF: msg('Turned off emails, and inactive'),
  ADDRESS_REFUSED: msg('Their mail server refuses their address'),
  DELIVERY_FAILED: msg('An email failed after every retry'),
});

/** "Email bounced: 3 members, by Ann". */
const cleanupLine = (rule: string, count: number, by: string | undefined) =>
  by
    ? t(msg('{rule}: {count, plural, one {# member} other {# members}}, by {by}'), { rule, count, by })
    : t(msg('{rule}: {count, plural, one {# member} other {# members}}'), { rule, count });

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
    segmentId: { state: true },
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
  rule: CleanupRule = 'INACTIVE_WITHOUT_CONSENT';
  /** Null: the rule's default (365 days for the inactive rule, 90 for the others). */
  inactiveDays: number | null = null;
  /** Only members of this segment; '': everyone. */
  segmentId = '';
  preview: CleanupPreview | undefined;
  problem: Problem | undefined;
  done = '';

  readonly #cleanups = new QueryController(this, CLEANUPS, () => ({ community: this.app.community }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #variables() {
    return { rule: this.rule, inactiveDays: this.inactiveDays, segmentId: this.segmentId || null };
  }

  /** Counts previews asked for, so an answer to an earlier question never replaces a later one. */
  #asked = 0;

  async #preview(event: Event): Promise<void> {
    event.preventDefault();
    this.done = '';
    const asked = ++this.#asked;
    const result = await this.app.client
      .query(
        CLEANUP_PREVIEW,
        { community: this.app.community, ...this.#variables() },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (asked !== this.#asked) return;
    const preview = result.data?.community?.cleanupPreview;
    this.problem = preview ? undefined : (problemOf(result.error) ?? { message: networkError() });
    this.preview = preview;
  }

  /** A changed rule or segment makes the shown preview, and any still on its way, wrong. */
  #forgetPreview(): void {
    this.#asked++;
    this.preview = undefined;
  }

  async #run(preview: CleanupPreview): Promise<void> {
    const outcome = await mutate(this.app, RUN_CLEANUP, { ...this.#variables(), ids: preview.memberIds });
    if (outcome.problem) {
      this.problem = outcome.problem;
      return;
    }
    const { cleanup } = outcome.data.runCleanup;
    this.preview = undefined;
    this.done = t(
      msg(
        '{count, plural, one {# member is erased {due} unless you undo it.} other {# members are erased {due} unless you undo it.}}',
      ),
      { count: cleanup.memberCount, due: relative(cleanup.dueAt) },
    );
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

  #previewList(p: CleanupPreview) {
    if (p.total === 0) return html`<p>${msg('Nobody matches this rule.')}</p>`;
    const reasons = reasonNames();
    return html`<p>${t(msg('{count, plural, one {# member matches:} other {# members match:}}'), { count: p.total })}</p>
      <ul class="plain cleanup-preview">${p.candidates.map(
        ({
          member: m,
          reason,
          lastActiveAt,
        }) => html`<li>${m.displayName} ${m.email ? html`<span class="muted">${m.email}</span>` : nothing}
          <span class="muted">· ${reasons[reason] ?? reason} ·
            ${t(msg('last active {when}'), { when: timeAgo(lastActiveAt, Date.now(), currentLocale()) })}</span></li>`,
      )}</ul>
      ${p.total > p.candidates.length ? html`<p class="muted">${t(msg('{count, plural, one {…and # more.} other {…and # more.}}'), { count: p.total - p.candidates.length })}</p>` : nothing}
      <button class="btn primary" @click=${() => this.#run(p)}>${t(
        msg(
          '{count, plural, one {Erase this member after the grace period} other {Erase these # members after the grace period}}',
        ),
        { count: p.total },
      )}</button>`;
  }

  override render() {
    const rules = ruleNames();
    return html`<section class="panel" aria-labelledby="cleanup-title">
      <h2 id="cleanup-title">${msg('Clean-up')}</h2>
      <p class="muted">${msg('Erase the people you may no longer keep: see exactly who a rule takes, confirm, and they are erased after the grace period (until then you can undo it).')}</p>
      <form class="row" @submit=${this.#preview} novalidate aria-label=${msg('Clean-up')}>
        <div class="field"><label for="cleanup-rule">${msg('Rule', { desc: 'Which members a clean-up takes' })}</label>
          <select id="cleanup-rule" @change=${(e: Event) => {
            this.rule = (e.target as HTMLSelectElement).value as CleanupRule;
            this.#forgetPreview();
          }}>${Object.entries(rules).map(([value, label]) => html`<option value=${value} ?selected=${value === this.rule}>${label}</option>`)}</select></div>
        <div class="field"><label for="cleanup-days">${msg('Inactive for (days)')}</label>
          <input id="cleanup-days" type="number" min="30" max="3650"
            placeholder=${this.rule === 'INACTIVE_WITHOUT_CONSENT' ? '365' : '90'}
            .value=${this.inactiveDays === null ? '' : String(this.inactiveDays)} @input=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value;
              this.inactiveDays = value === '' ? null : Number(value);
            }} aria-invalid=${problemFor(this.problem, 'inactiveDays') ? 'true' : 'false'} aria-describedby="cleanup-problem cleanup-days-hint" />
          <span class="muted" id="cleanup-days-hint">${msg('Nobody who took part or visited in this time is proposed.')}</span></div>
        <div class="field"><label for="cleanup-segment">${msg('Among')}</label>
          <select id="cleanup-segment" aria-invalid=${problemFor(this.problem, 'segmentId') ? 'true' : 'false'} @change=${(
            e: Event,
          ) => {
            this.segmentId = (e.target as HTMLSelectElement).value;
            this.#forgetPreview();
          }}><option value="">${msg('All members')}</option>${(this.#cleanups.data?.community?.segments ?? []).map(
            (s) => html`<option value=${s.id} ?selected=${s.id === this.segmentId}>${s.name}</option>`,
          )}</select></div>
        <button class="btn">${msg('Preview', {
          id: 'cleanup-preview',
          desc: 'Button: show who the rule takes, before anything happens',
        })}</button>
      </form>
      <p class="error" id="cleanup-problem" role="alert">${this.problem?.message ?? ''}</p>
      ${this.preview ? this.#previewList(this.preview) : nothing}
      <p class="ok" role="status">${this.done}</p>
      ${this.#cleanups.render((data) => {
        const rows = data.community?.cleanups ?? [];
        return rows.length
          ? html`<h3>${msg('Recent clean-ups')}</h3><ul class="plain">${rows.map(
              (c) => html`<li>${cleanupLine(rules[c.rule] ?? c.rule, c.memberCount, c.by?.name)}
                <span class="muted">· ${c.undoneAt ? msg('Undone') : relative(c.dueAt)}</span>
                ${c.canUndo ? html`<button class="btn" @click=${() => this.#undo(c.id)}>${msg('Undo')}</button>` : nothing}</li>`,
            )}</ul>`
          : nothing;
      })}
    </section>`;
  }
}
