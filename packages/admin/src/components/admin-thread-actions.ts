import { LIMITS } from '@rapport/shared/limits.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { ASSIGN, MODERATE_THREAD, SET_STATUS } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';
import { fieldStyles, textField } from './field.ts';

/** What the actions need of the thread. */
export interface ActionableThread {
  id: string;
  status: string;
  isHidden: boolean | null;
  isLocked: boolean;
  assignee: { id: string; name: string } | null;
  mergedInto: { id: string } | null;
}

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
  status = '';
  note = '';
  /** Which action failed, and why: shown next to that action. */
  problem: { action: string; problem: Problem } | undefined;
  busy = false;
  done = '';

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
      strings.statusUpdated(strings.statuses[status] ?? status),
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
      name ? strings.assignee(name) : strings.unassigned,
    );
  }

  #moderate(change: 'restore' | 'lock' | 'unlock') {
    const flags = { hide: false, restore: change === 'restore', lock: change === 'lock', unlock: change === 'unlock' };
    return this.#run(
      'moderate',
      () => mutate(this.app, MODERATE_THREAD, { id: this.thread.id, reason: '', ...flags }),
      strings.moderated[change],
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
      this.done = strings.moderated.hide;
      this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
    }
    return outcome.problem;
  };

  override render() {
    const t = this.thread;
    const s = strings;
    const status = this.status || t.status;
    return html`
      <form class="panel" @submit=${this.#setStatus} aria-labelledby="status-title" novalidate>
        <h2 id="status-title">${s.changeStatus}</h2>
        <div class="field">
          <label for="status">${s.statusLabel}</label>
          <select id="status" @change=${(e: Event) => {
            this.status = (e.target as HTMLSelectElement).value;
          }}>
            ${Object.entries(s.statuses).map(([value, label]) => html`<option value=${value} ?selected=${value === status}>${label}</option>`)}
          </select>
        </div>
        ${textField({
          id: 'note',
          label: s.statusNote,
          value: this.note,
          rule: LIMITS.statusNote,
          multiline: true,
          error: this.#problemOf('status'),
          onInput: (value) => {
            this.note = value;
          },
        })}
        <button class="btn primary" ?disabled=${this.busy}>${s.updateStatus}</button>
      </form>
      <div class="panel">
        <div class="field">
          <label for="assignee">${s.assignTo}</label>
          <select id="assignee" @change=${this.#assign} ?disabled=${this.busy}
            aria-invalid=${this.#problemOf('assign') ? 'true' : 'false'} aria-describedby="assign-problem">
            <option value="" ?selected=${!t.assignee}>${s.unassigned}</option>
            ${this.staffMembers.map((m) => html`<option value=${m.id} ?selected=${t.assignee?.id === m.id}>${m.name}</option>`)}
          </select>
          <p class="error" id="assign-problem" role="alert">${this.#problemOf('assign')}</p>
        </div>
      </div>
      ${
        this.app.isManager
          ? html`<div class="panel" role="group" aria-labelledby="moderation-title">
              <h2 id="moderation-title">${s.moderation}</h2>
              <div class="row">
                ${
                  t.isHidden
                    ? html`<button class="btn" ?disabled=${this.busy} @click=${() => this.#moderate('restore')}>${s.restore}</button>`
                    : html`<admin-reason-action label=${s.hide} .action=${this.#hide}></admin-reason-action>`
                }
                <button class="btn" ?disabled=${this.busy} @click=${() => this.#moderate(t.isLocked ? 'unlock' : 'lock')}>
                  ${t.isLocked ? s.unlock : s.lock}</button>
              </div>
              <p class="error" role="alert">${this.#problemOf('moderate')}</p>
            </div>`
          : nothing
      }
      <p class="ok" role="status">${this.done}</p>`;
  }
}
