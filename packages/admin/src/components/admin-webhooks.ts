import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { CREATE_WEBHOOK, DELETE_WEBHOOK, REDELIVER, UPDATE_WEBHOOK, WEBHOOKS } from '../graphql-relationships.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
}

interface Webhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  deliveries: { edges: { node: Delivery }[] };
}

/**
 * The community's webhooks, for managers (on the settings page): add one (the secret is shown
 * once), turn it off and on, remove it, and read its recent deliveries, sending a failed one again.
 */
export class AdminWebhooks extends LitElement {
  static override properties = {
    app: { attribute: false },
    url: { state: true },
    events: { state: true },
    secret: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
      }
      input[type='url'] {
        width: 100%;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 0.75em;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 1em;
      }
      .hook {
        border-top: 1px solid var(--_border);
        padding-top: 0.6em;
        margin-top: 0.6em;
      }
      code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare app: AdminApp;
  url = '';
  events: string[] = ['THREAD_CREATED', 'REPLY_CREATED', 'STATUS_CHANGED'];
  secret = '';
  problem: Problem | undefined;

  readonly #hooks = new QueryController<{ community: { webhooks: Webhook[] } | null }, { community: string }>(
    this,
    WEBHOOKS,
    () => ({ community: this.app.community }),
  );

  async #add(event: Event): Promise<void> {
    event.preventDefault();
    const outcome = await mutate(this.app, CREATE_WEBHOOK, { url: this.url.trim(), events: this.events });
    this.problem = outcome.problem;
    if (outcome.problem) return;
    this.secret = outcome.data.createWebhook.secret;
    this.url = '';
    void this.#hooks.refresh();
  }

  async #act(work: Promise<{ problem?: Problem }>): Promise<void> {
    const outcome = await work;
    this.problem = outcome.problem;
    void this.#hooks.refresh();
  }

  #toggle(kind: string, on: boolean): void {
    this.events = on ? [...this.events, kind] : this.events.filter((e) => e !== kind);
  }

  #hook(h: Webhook) {
    const s = strings;
    const deliveries = h.deliveries.edges.map((e) => e.node);
    return html`<section class="hook" aria-label=${h.url}>
      <p><code>${h.url}</code> ${h.active ? nothing : html`<span class="badge">${s.webhookOff}</span>`}</p>
      <p class="muted">${h.events.map((e) => s.webhookEventLabels[e] ?? e).join(', ')}</p>
      <span class="row">
        <button class="btn" @click=${() => this.#act(mutate(this.app, UPDATE_WEBHOOK, { id: h.id, active: !h.active }))}>
          ${h.active ? s.turnOff : s.turnOn}</button>
        <button class="btn" @click=${() => this.#act(mutate(this.app, DELETE_WEBHOOK, { id: h.id }))}>${s.remove}</button>
      </span>
      <h3>${s.deliveries}</h3>
      ${
        deliveries.length
          ? html`<ul class="plain">${deliveries.map(
              (
                d,
              ) => html`<li>${s.webhookEventLabels[d.event] ?? d.event}: ${s.deliveryLine(d.status, d.attempts, d.lastStatusCode)}
                <span class="muted">${timeAgo(d.createdAt)}</span>
                ${d.lastError && d.status !== 'DELIVERED' ? html`<span class="muted">(${d.lastError})</span>` : nothing}
                ${
                  d.status === 'FAILED'
                    ? html`<button class="btn" @click=${() => this.#act(mutate(this.app, REDELIVER, { id: d.id }))}>${s.sendAgain}</button>`
                    : nothing
                }</li>`,
            )}</ul>`
          : html`<p class="muted">${s.noDeliveries}</p>`
      }
    </section>`;
  }

  override render() {
    const s = strings;
    return html`<section class="panel" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">${s.webhooks}</h2>
      <p class="muted">${s.webhooksIntro}</p>
      <form @submit=${this.#add} novalidate aria-label=${s.addWebhook}>
        <div class="field"><label for="webhook-url">${s.webhookUrl}</label>
          <input id="webhook-url" type="url" .value=${this.url} placeholder="https://" @input=${(e: Event) => {
            this.url = (e.target as HTMLInputElement).value;
          }} aria-invalid=${problemFor(this.problem, 'url') ? 'true' : 'false'} aria-describedby="webhook-problem" /></div>
        <fieldset aria-invalid=${problemFor(this.problem, 'events') ? 'true' : 'false'}>
          <legend class="muted">${s.webhookEvents}</legend>
          ${Object.entries(s.webhookEventLabels).map(
            ([kind, label]) => html`<label class="row"><input type="checkbox" .checked=${this.events.includes(kind)}
              @change=${(e: Event) => this.#toggle(kind, (e.target as HTMLInputElement).checked)} /> ${label}</label>`,
          )}
        </fieldset>
        <p class="error" id="webhook-problem" role="alert">${this.problem?.message ?? ''}</p>
        <button class="btn primary">${s.addWebhook}</button>
      </form>
      ${this.secret ? html`<p>${s.webhookSecret}</p><p><code class="webhook-secret">${this.secret}</code></p>` : nothing}
      ${this.#hooks.render((data) => {
        const hooks = data.community?.webhooks ?? [];
        return hooks.length ? hooks.map((h) => this.#hook(h)) : html`<p class="muted">${s.webhooksEmpty}</p>`;
      })}
    </section>`;
  }
}
