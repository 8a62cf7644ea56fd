import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { OUTREACH, type Outreach, ROTATE_INBOUND, UPDATE_OUTREACH } from '../documents/outreach.ts';
import { t } from '../i18n/localize.ts';
import { adminStyles } from '../styles.ts';

/**
 * How the community reaches back to its customers (on the settings page): whether the widget shows
 * a roadmap and how long shipped ideas stay on it, the brand's page that emails link back to, the
 * From address, and the secret a mail provider posts replies by email with (shown once).
 */
export class AdminOutreach extends LitElement {
  static override properties = {
    app: { attribute: false },
    draft: { state: true },
    secret: { state: true },
    problem: { state: true },
    done: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
      }
      input[type='url'],
      input[type='email'] {
        width: 100%;
      }
    `,
  ];

  declare app: AdminApp;
  /** What the manager changed, over the saved settings. */
  draft: Partial<Outreach> = {};
  secret = '';
  problem: Problem | undefined;
  done = '';

  readonly #saved = new QueryController(this, OUTREACH, () => ({ community: this.app.community }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #save(event: Event, saved: Outreach): Promise<void> {
    event.preventDefault();
    const next = { ...saved, ...this.draft };
    const outcome = await mutate(this.app, UPDATE_OUTREACH, {
      input: {
        roadmapEnabled: next.roadmapEnabled,
        roadmapShippedDays: Number(next.roadmapShippedDays),
        communityPageUrl: next.communityPageUrl ?? '',
        fromAddress: next.fromAddress ?? '',
      },
    });
    this.problem = outcome.problem;
    this.done = outcome.problem ? '' : msg('Saved.');
    if (!outcome.problem) {
      this.draft = {};
      void this.#saved.refresh();
    }
  }

  async #rotate(): Promise<void> {
    const outcome = await mutate(this.app, ROTATE_INBOUND, {});
    this.problem = outcome.problem;
    if (!outcome.problem) this.secret = outcome.data.rotateInboundEmailSecret;
  }

  override render() {
    return this.#saved.render((data) => {
      const saved = data.community?.outreach;
      if (!saved) return nothing;
      const value = { ...saved, ...this.draft };
      const set = (change: Partial<Outreach>) => {
        this.draft = { ...this.draft, ...change };
        this.done = '';
      };
      return html`<section class="panel" aria-labelledby="outreach-title">
        <h2 id="outreach-title">${msg('Roadmap and emails')}</h2>
        <form @submit=${(e: Event) => this.#save(e, saved)} novalidate>
          <label class="row"><input type="checkbox" .checked=${value.roadmapEnabled}
            @change=${(e: Event) => set({ roadmapEnabled: (e.target as HTMLInputElement).checked })} /> ${msg('Show a public roadmap in the widget')}</label>
          <div class="field"><label for="shipped-days">${msg('Days a shipped idea stays on the roadmap')}</label>
            <input id="shipped-days" type="number" min="1" max="365" .value=${String(value.roadmapShippedDays)}
              aria-invalid=${problemFor(this.problem, 'roadmapShippedDays') ? 'true' : 'false'}
              @input=${(e: Event) => set({ roadmapShippedDays: Number((e.target as HTMLInputElement).value) })} /></div>
          <div class="field"><label for="page-url">${msg('Community page')}</label>
            <input id="page-url" type="url" placeholder="https://www.brand.example/community" .value=${value.communityPageUrl ?? ''}
              aria-invalid=${problemFor(this.problem, 'communityPageUrl') ? 'true' : 'false'} aria-describedby="page-url-hint"
              @input=${(e: Event) => set({ communityPageUrl: (e.target as HTMLInputElement).value })} />
            <span id="page-url-hint" class="muted">${msg('The page of your site with the widget: every email links back to the conversation there. It must be on an allowed origin.')}</span></div>
          <div class="field"><label for="from-address">${msg('From address (optional)')}</label>
            <input id="from-address" type="email" placeholder="community@brand.example" .value=${value.fromAddress ?? ''}
              aria-invalid=${problemFor(this.problem, 'email') ? 'true' : 'false'} aria-describedby="from-hint"
              @input=${(e: Event) => set({ fromAddress: (e.target as HTMLInputElement).value })} />
            <span id="from-hint" class="muted">${t(
              msg(
                "Emails come from “{brand} via Rapport” at the server's address unless you set one (your domain must allow the server to send for it).",
              ),
              { brand: this.app.brand },
            )}</span></div>
          <p class="error" role="alert">${this.problem?.message ?? ''}</p>
          <p class="ok" role="status">${this.done}</p>
          <button class="btn primary">${msg('Save')}</button>
        </form>
        <h3>${msg('Replies by email')}</h3>
        <p class="muted">${t(
          msg(
            'Customers can answer notification emails. If your mail provider receives them, have it post each raw message to {endpoint} with this secret as a Bearer token.',
          ),
          { endpoint: `${location.origin}/inbound/email/${data.community?.slug ?? ''}` },
        )}</p>
        <button class="btn" @click=${this.#rotate}>${msg('Make a new secret')}</button>
        ${this.secret ? html`<p>${msg('Copy it now: it is shown only once. The previous secret stops working.')}</p><p><code class="inbound-secret">${this.secret}</code></p>` : nothing}
      </section>`;
    });
  }
}
