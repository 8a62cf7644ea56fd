import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { INVITE, STAFF } from '../documents/staff.ts';
import type { StaffRole } from '../generated/graphql.ts';
import { roleNames } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

/** The invitation form as typed ('' for an empty field). */
interface Invitation {
  name: string;
  email: string;
  title: string;
  role: StaffRole;
  agencyName: string;
}

const EMPTY: Invitation = { name: '', email: '', title: '', role: 'STAFF', agencyName: '' };

/**
 * The team, for managers: invite someone (the account is made at once, with a one-time link to set
 * a password, shown here to pass on), and manage each member's role, link and deactivation.
 */
export class AdminStaff extends LitElement {
  static override properties = {
    app: { attribute: false },
    invitation: { state: true },
    problem: { state: true },
    link: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
        gap: 0 1em;
      }
      input,
      select {
        width: 100%;
      }
    `,
  ];

  declare app: AdminApp;
  invitation: Invitation = { ...EMPTY };
  problem: Problem | undefined;
  link = '';
  busy = false;

  readonly #staff = new QueryController(this, STAFF, () => ({ community: this.app.community }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #invite(event: Event): Promise<void> {
    event.preventDefault();
    this.busy = true;
    const { name, email, title, role, agencyName } = this.invitation;
    const outcome = await mutate(this.app, INVITE, {
      input: {
        name: name.trim(),
        email: email.trim(),
        title: title.trim() || null,
        role,
        agencyName: role === 'AGENCY' ? agencyName.trim() : null,
      },
    });
    this.busy = false;
    this.problem = outcome.problem;
    if (outcome.problem) return;
    this.link = outcome.data.inviteStaff.url;
    this.invitation = { ...EMPTY };
    void this.#staff.refresh();
  }

  #input(key: keyof Invitation, label: string, type = 'text') {
    const error = problemFor(this.problem, key);
    return html`<div class="field">
      <label for="invite-${key}">${label}</label>
      <input id="invite-${key}" type=${type} .value=${this.invitation[key]} ?required=${key === 'name' || key === 'email'}
        @input=${(e: Event) => {
          this.invitation = { ...this.invitation, [key]: (e.target as HTMLInputElement).value };
        }}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby="invite-problem" />
    </div>`;
  }

  #inviteForm() {
    return html`<form class="panel" @submit=${this.#invite} novalidate aria-labelledby="invite-heading">
      <h2 id="invite-heading">${msg('Invite a staff member')}</h2>
      <div class="grid">
        ${this.#input('name', msg('Name'))} ${this.#input('email', msg('E-mail'), 'email')}
        ${this.#input('title', msg('Title', { desc: "A staff member's job title, shown to customers" }))}
        <div class="field"><label for="invite-role">${msg('Role')}</label>
          <select id="invite-role" @change=${(e: Event) => {
            this.invitation = { ...this.invitation, role: (e.target as HTMLSelectElement).value as StaffRole };
          }}>${Object.entries(roleNames()).map(([value, label]) => html`<option value=${value} ?selected=${value === this.invitation.role}>${label}</option>`)}</select></div>
        ${this.invitation.role === 'AGENCY' ? this.#input('agencyName', msg('Agency name')) : nothing}
      </div>
      <p class="error" id="invite-problem" role="alert">${this.problem?.message ?? ''}</p>
      <button class="btn primary" ?disabled=${this.busy}>${msg('Create account')}</button>
      ${this.link ? html`<div role="status"><p>${msg('Send this one-time link to the new staff member (it works once, for 7 days):')}</p><p><code class="invite-link">${this.link}</code></p></div>` : nothing}
    </form>`;
  }

  override render() {
    return html`<h1>${msg('Staff', { desc: "The screen of the brand's team: its staff accounts" })}</h1>
      ${this.#inviteForm()}
      ${this.#staff.render((data) => {
        const staff = data.community?.staffMembers ?? [];
        const active = staff.filter((m) => !m.isFormer);
        // Every agency that ever worked here: an ended one stays listed (its result and briefs with it).
        const agencies = [...new Set(staff.map((m) => m.agencyName).filter((a): a is string => Boolean(a)))].sort();
        return html`<div @rapport-changed=${() => this.#staff.refresh()}>${repeat(
          staff,
          (m) => m.id,
          (m) => html`<admin-staff-member .app=${this.app} .member=${m}
            .colleagues=${active.filter((c) => c.id !== m.id)}></admin-staff-member>`,
        )}
          ${
            agencies.length
              ? html`<h2>${msg('Agencies')}</h2>${repeat(
                  agencies,
                  (agency) => agency,
                  (agency) => html`<admin-agency-end .app=${this.app} .agency=${agency}
                    .accounts=${active.filter((m) => m.agencyName === agency).length}
                    .candidates=${active.filter((m) => m.agencyName !== agency)}></admin-agency-end>`,
                )}`
              : nothing
          }</div>`;
      })}`;
  }
}
