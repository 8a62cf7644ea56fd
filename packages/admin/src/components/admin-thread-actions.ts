import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LIMITS } from '@rapport/shared/limits.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { type ActionableThread, ASSIGN, MODERATE_THREAD, SET_STATUS } from '../documents/thread.ts';
import type { ThreadStatus } from '../generated/graphql.ts';
import { t } from '../i18n/localize.ts';
import { statusName, statusNames } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';
import { fieldStyles, textField } from './field.ts';

/**
 * What staff do to a thread besides replying: move its status (with a note for followers), give it
 * to a colleague, and, for managers, hide or lock it. Merging has its own panel. Every change sends
 * `rapport-changed` so the thread view shows the result.
 */
export class AdminThreadActions extends LitElement {
  static override properties = {
    app: { attribute: false },
    thread: { attribute: false },
    staffMembers: { attribute: false },
    status: { state: true },
    note: { state: true },
    problem: { state: true },
    busy: { state: true },
    done: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    fieldStyles,
    css`
      select {
        width: 100%;
      }
    `,
  ];

  declare app: AdminApp;
  declare thread: ActionableThread;
  staffMembers: { id: string; name: string }[] = [];
  status: ThreadStatus | '' = '';
  note = '';
  /** Which action failed, and why: shown next to that action. */
  problem: { action: string; problem: Problem } | undefined;
  busy = false;
  done = '';

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #run(action: string, work: () => Promise<{ problem?: Problem }>, done: string): Promise<boolean> {
    this.busy = true;
    this.done = '';
    const { problem } = await work();
    this.busy = false;
    this.problem = problem ? { action, problem } : undefined;
    if (problem) return false;
    this.done = done;
    this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
    return true;
  }

  #problemOf(action: string) {
    return this.problem?.action === action ? this.problem.problem.message : '';
  }

  async #setStatus(event: Event): Promise<void> {
    event.preventDefault();
    const status = this.status || this.thread.status;
    const ok = await this.#run(
      'status',
      () =>
        mutate(this.app, SET_STATUS, { input: { threadId: this.thread.id, status, note: this.note.trim() || null } }),
      t(msg('Status is now “{status}”; followers will see it.'), { status: statusName(status) }),
    );
    if (ok) {
      this.note = '';
      this.status = '';
    }
  }

  #assign(event: Event): Promise<boolean> {
    const staffId = (event.target as HTMLSelectElement).value || null;
    const name = this.staffMembers.find((s) => s.id === staffId)?.name;
    return this.#run(
      'assign',
      () => mutate(this.app, ASSIGN, { threadId: this.thread.id, staffId }),
      name ? t(msg('Assigned to {name}'), { name }) : msg('Unassigned'),
    );
  }

  #moderate(change: 'restore' | 'lock' | 'unlock') {
    const flags = { hide: false, restore: change === 'restore', lock: change === 'lock', unlock: change === 'unlock' };
    return this.#run(
      'moderate',
      () => mutate(this.app, MODERATE_THREAD, { id: this.thread.id, reason: '', ...flags }),
      {
        restore: msg('Visible to customers again.'),
        lock: msg('Locked: customers can no longer reply.'),
        unlock: msg('Unlocked: customers can reply again.'),
      }[change],
    );
  }

  readonly #hide = async (reason: string): Promise<Problem | undefined> => {
    const outcome = await mutate(this.app, MODERATE_THREAD, {
      id: this.thread.id,
      reason,
      hide: true,
      restore: false,
      lock: false,
      unlock: false,
    });
    if (!outcome.problem) {
      this.done = msg('Hidden from customers.');
      this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
    }
    return outcome.problem;
  };

  override render() {
    const thread = this.thread;
    const status = this.status || thread.status;
    return html`
      <form class="panel" @submit=${this.#setStatus} aria-labelledby="status-title" novalidate>
        <h2 id="status-title">${msg('Change status')}</h2>
        <div class="field">
          <label for="status">${msg('Status')}</label>
          <select id="status" @change=${(e: Event) => {
            this.status = (e.target as HTMLSelectElement).value as ThreadStatus | '';
          }}>
            ${Object.entries(statusNames()).map(([value, label]) => html`<option value=${value} ?selected=${value === status}>${label}</option>`)}
          </select>
        </div>
        ${textField({
          id: 'note',
          label: msg('Note for followers (optional)'),
          value: this.note,
          rule: LIMITS.statusNote,
          multiline: true,
          error: this.#problemOf('status'),
          onInput: (value) => {
            this.note = value;
          },
        })}
        <button class="btn primary" ?disabled=${this.busy}>${msg('Update status')}</button>
      </form>
      <div class="panel">
        <div class="field">
          <label for="assignee">${msg('Looked after by')}</label>
          <select id="assignee" @change=${this.#assign} ?disabled=${this.busy}
            aria-invalid=${this.#problemOf('assign') ? 'true' : 'false'} aria-describedby="assign-problem">
            <option value="" ?selected=${!thread.assignee}>${msg('Unassigned')}</option>
            ${this.staffMembers.map((m) => html`<option value=${m.id} ?selected=${thread.assignee?.id === m.id}>${m.name}</option>`)}
          </select>
          <p class="error" id="assign-problem" role="alert">${this.#problemOf('assign')}</p>
        </div>
      </div>
      ${
        this.app.isManager
          ? html`<div class="panel" role="group" aria-labelledby="moderation-title">
              <h2 id="moderation-title">${msg('Moderation')}</h2>
              <div class="row">
                ${
                  thread.isHidden
                    ? html`<button class="btn" ?disabled=${this.busy} @click=${() => this.#moderate('restore')}>${msg('Restore')}</button>`
                    : html`<admin-reason-action label=${msg('Hide')} .action=${this.#hide}></admin-reason-action>`
                }
                <button class="btn" ?disabled=${this.busy} @click=${() => this.#moderate(thread.isLocked ? 'unlock' : 'lock')}>
                  ${thread.isLocked ? msg('Unlock') : msg('Lock')}</button>
              </div>
              <p class="error" role="alert">${this.#problemOf('moderate')}</p>
            </div>`
          : nothing
      }
      <p class="ok" role="status">${this.done}</p>`;
  }
}
