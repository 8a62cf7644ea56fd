import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { DEACTIVATE, PASSWORD_LINK, type StaffRow, UPDATE_STAFF } from '../documents/staff.ts';
import type { StaffRole } from '../generated/graphql.ts';
import { listOf, t } from '../i18n/localize.ts';
import { roleNames } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

const deactivateLabel = (name: string) => t(msg('Deactivate {name}'), { name });

/** Refused without a successor: someone must take over. */
export const chooseSuccessor = () => msg('Choose who takes over their work: at least one person.');

/** A link to the brief of one handover, named by its successor. */
export const readBriefOf = (name: string) => t(msg('Read {name}’s handover brief'), { name });

/**
 * One staff member, for managers: their role (and agency), a fresh set-password link, and
 * deactivation, which is only possible with a successor who takes over their open threads,
 * followed threads and customers (with a handover brief to read).
 * Sends `rapport-changed` after every change.
 */
export class AdminStaffMember extends LitElement {
  static override properties = {
    app: { attribute: false },
    member: { attribute: false },
    colleagues: { attribute: false },
    newRole: { state: true },
    agencyName: { state: true },
    successors: { state: true },
    deactivating: { state: true },
    link: { state: true },
    problem: { state: true },
    done: { state: true },
    handovers: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em;
        align-items: end;
      }
      .actions .field {
        margin: 0;
      }
      fieldset {
        border: 0;
        padding: 0;
      }
      legend {
        font-weight: 600;
        padding: 0;
      }
    `,
  ];

  declare app: AdminApp;
  declare member: StaffRow;
  /** Active colleagues who could take over (everyone active but this member). */
  colleagues: { id: string; name: string }[] = [];
  newRole: StaffRole | '' = '';
  agencyName = '';
  /** Who takes over, in the order ticked: customers are shared out among them in turn. */
  successors: string[] = [];
  deactivating = false;
  link = '';
  problem: { action: string; problem: Problem } | undefined;
  done = '';
  /** The handovers the last deactivation made (one per successor), to read their briefs. */
  handovers: { id: string; to: string }[] = [];

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #changed(done: string): void {
    this.done = done;
    this.problem = undefined;
    this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
  }

  async #saveRole(event: Event): Promise<void> {
    event.preventDefault();
    const role = this.newRole || this.member.role;
    const agencyName = role === 'AGENCY' ? (this.agencyName || this.member.agencyName || '').trim() : null;
    const outcome = await mutate(this.app, UPDATE_STAFF, { input: { staffId: this.member.id, role, agencyName } });
    if (outcome.problem) this.problem = { action: 'role', problem: outcome.problem };
    else
      this.#changed(
        t(msg('{name} is now {role}.'), { name: this.member.name, role: (role && roleNames()[role]) ?? role }),
      );
  }

  async #newLink(): Promise<void> {
    const outcome = await mutate(this.app, PASSWORD_LINK, { id: this.member.id });
    if (outcome.problem) this.problem = { action: 'link', problem: outcome.problem };
    else {
      this.link = outcome.data.issuePasswordLink.url;
      this.problem = undefined;
    }
  }

  async #deactivate(event: Event): Promise<void> {
    event.preventDefault();
    if (this.successors.length === 0) {
      this.problem = { action: 'deactivate', problem: { message: chooseSuccessor(), field: 'successorIds' } };
      return;
    }
    const outcome = await mutate(this.app, DEACTIVATE, { id: this.member.id, successors: this.successors });
    if (outcome.problem) {
      this.problem = { action: 'deactivate', problem: outcome.problem };
      return;
    }
    const { movedThreads, staff, successors, handovers } = outcome.data.deactivateStaff;
    this.deactivating = false;
    this.handovers = handovers.map((h) => ({ id: h.id, to: h.to.name }));
    // Show the result at once; the list's own reload (on rapport-changed) follows.
    this.member = { ...this.member, isFormer: staff.isFormer, deactivatedAt: staff.deactivatedAt };
    const customers = handovers.reduce((sum, h) => sum + h.members.length, 0);
    const names = successors.map((x) => x.name);
    this.#changed(
      t(
        msg(
          '{name} is deactivated: {moved, plural, one {# open thread} other {# open threads}} and {customers, plural, one {# customer relationship} other {# customer relationships}} {successorCount, plural, one {go to} other {are shared among}} {successors}.',
        ),
        { name: staff.name, moved: movedThreads, customers, successorCount: names.length, successors: listOf(names) },
      ),
    );
  }

  #toggleSuccessor(id: string, chosen: boolean): void {
    this.successors = chosen ? [...this.successors, id] : this.successors.filter((x) => x !== id);
  }

  #problem(action: string) {
    return this.problem?.action === action ? this.problem.problem : undefined;
  }

  #deactivateForm() {
    const problem = this.#problem('deactivate');
    return html`<form class="panel" @submit=${this.#deactivate} novalidate aria-label=${deactivateLabel(this.member.name)}>
      <fieldset class="field" id="successors" aria-invalid=${problemFor(problem, 'successorIds') ? 'true' : 'false'}
        aria-describedby="deactivate-problem">
        <legend>${msg('Who takes over their work?')}</legend>
        <p class="muted">${msg('Tick one or more. With several, their customers are shared out in turn, each with all of their threads.')}</p>
        ${this.colleagues.map(
          (c) => html`<label class="row"><input type="checkbox" .checked=${this.successors.includes(c.id)}
            @change=${(e: Event) => this.#toggleSuccessor(c.id, (e.target as HTMLInputElement).checked)} /> ${c.name}</label>`,
        )}
      </fieldset>
      <p class="error" id="deactivate-problem" role="alert">${problem?.message ?? ''}</p>
      <span class="row">
        <button class="btn primary">${msg('Deactivate and hand over')}</button>
        <button class="btn" type="button" @click=${() => {
          this.deactivating = false;
        }}>${msg('Cancel')}</button>
      </span>
    </form>`;
  }

  override render() {
    const m = this.member;
    const role = this.newRole || m.role;
    const roles = roleNames();
    const status = m.isFormer
      ? msg('Former staff')
      : m.hasPassword === false
        ? msg('Invited — has not set a password yet')
        : '';
    return html`<article class="panel" aria-labelledby="name-${m.id}">
      <h2 id="name-${m.id}">${m.name} ${m.id === this.app.viewer.id ? html`<span class="muted">${msg('(you)')}</span>` : nothing}</h2>
      <p class="muted">${[m.title, m.email, m.role && roles[m.role], m.agencyName].filter(Boolean).join(' · ')}</p>
      ${status ? html`<p><span class="badge">${status}</span></p>` : nothing}
      ${
        m.isFormer
          ? nothing
          : html`<div class="actions">
            <form class="actions" @submit=${this.#saveRole} novalidate aria-label=${t(msg('Role of {name}'), { name: m.name })}>
              <div class="field"><label for="role-${m.id}">${msg('Role')}</label>
                <select id="role-${m.id}" @change=${(e: Event) => {
                  this.newRole = (e.target as HTMLSelectElement).value as StaffRole;
                }}>${Object.entries(roles).map(([value, label]) => html`<option value=${value} ?selected=${value === role}>${label}</option>`)}</select></div>
              ${
                role === 'AGENCY'
                  ? html`<div class="field"><label for="agency-${m.id}">${msg('Agency name')}</label>
                      <input id="agency-${m.id}" .value=${this.agencyName || m.agencyName || ''} @input=${(
                        e: Event,
                      ) => {
                        this.agencyName = (e.target as HTMLInputElement).value;
                      }} aria-invalid=${problemFor(this.#problem('role'), 'agencyName') ? 'true' : 'false'} /></div>`
                  : nothing
              }
              <button class="btn">${msg('Save')}</button>
            </form>
            <button class="btn" aria-label=${t(msg('New link for {name}'), { name: m.name })}
              @click=${this.#newLink}>${msg('New link')}</button>
            ${
              m.id === this.app.viewer.id
                ? nothing
                : html`<button class="btn" aria-label=${deactivateLabel(m.name)}
                    aria-expanded=${this.deactivating ? 'true' : 'false'} @click=${() => {
                      this.deactivating = !this.deactivating;
                    }}>${msg('Deactivate')}</button>`
            }
          </div>`
      }
      <p class="error" role="alert">${(this.#problem('role') ?? this.#problem('link'))?.message ?? ''}</p>
      ${this.link ? html`<p>${msg('Send this one-time link to the new staff member (it works once, for 7 days):')}</p><p><code>${this.link}</code></p>` : nothing}
      ${this.deactivating ? this.#deactivateForm() : nothing}
      <p class="ok" role="status">${this.done}</p>
      ${this.handovers.map(
        (h) =>
          html`<p><a href="/admin/handovers/${encodeURIComponent(h.id)}">${
            this.handovers.length === 1 ? msg('Read the handover brief') : readBriefOf(h.to)
          }</a></p>`,
      )}
    </article>`;
  }
}
