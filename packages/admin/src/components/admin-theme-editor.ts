import { isPlainCssValue, THEME_PROPERTIES, type ThemeProperty } from '@rapport/shared/theme-values.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { UPDATE_COMMUNITY } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

/** Loads the widget from this server once, for the preview (unless this page has it already). */
function loadWidget(): void {
  if (customElements.get('rapport-community') || document.querySelector('script[data-rapport-widget]')) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = '/widget.js';
  script.dataset.rapportWidget = '';
  document.head.append(script);
}

const isColour = (property: ThemeProperty) => !/font|radius|space/.test(property);

/**
 * The widget's theme: one field per custom property, and beside them the real widget showing this
 * community with the values as typed (before saving), so the brand sees what customers will see.
 */
export class AdminThemeEditor extends LitElement {
  static override properties = {
    app: { attribute: false },
    saved: { attribute: false },
    values: { state: true },
    problem: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(14em, 1fr) minmax(0, 1.4fr);
        gap: 1.2em;
        align-items: start;
      }
      @media (max-width: 50em) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .property {
        display: grid;
        grid-template-columns: 1fr 1.6em;
        gap: 0.3em;
        align-items: center;
      }
      .swatch {
        width: 1.6em;
        height: 1.6em;
        border-radius: 4px;
        border: 1px solid var(--_border);
      }
      .field {
        margin-bottom: 0.5em;
      }
      label code {
        font-weight: 400;
      }
    `,
  ];

  declare app: AdminApp;
  /** The theme as saved on the server. */
  saved: { property: string; value: string }[] = [];
  values: Record<string, string> = {};
  problem: Problem | undefined;
  done = '';
  busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    loadWidget();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A refetch of the settings brings an equal theme: keep what is being edited.
    const before = changed.get('saved');
    if (changed.has('saved') && JSON.stringify(before) !== JSON.stringify(this.saved))
      this.values = Object.fromEntries(this.saved.map((t) => [t.property, t.value]));
  }

  /** The values the preview can use: set, and plain CSS (the server would refuse the others). */
  #previewStyle(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.values).filter(([, value]) => value.trim() && isPlainCssValue(value.trim())),
    );
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    this.busy = true;
    const themeValues = THEME_PROPERTIES.map((property) => ({
      property,
      value: (this.values[property] ?? '').trim(),
    })).filter((t) => t.value);
    const outcome = await mutate(this.app, UPDATE_COMMUNITY, { input: { theme: themeValues } });
    this.busy = false;
    this.problem = outcome.problem;
    this.done = outcome.problem ? '' : strings.themeSaved;
  }

  #field(property: ThemeProperty) {
    const value = this.values[property] ?? '';
    const error = problemFor(this.problem, `theme.${property}`);
    const id = `theme${property}`;
    return html`<div class="field">
      <label for=${id}>${strings.themeLabels[property]} <code>${property}</code></label>
      <span class="property">
        <input id=${id} .value=${value} placeholder=${strings.themeDefault} maxlength="100"
          @input=${(e: Event) => {
            this.values = { ...this.values, [property]: (e.target as HTMLInputElement).value };
            this.done = '';
          }}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby="theme-hint ${error ? `${id}-error` : ''}" />
        ${isColour(property) ? html`<span class="swatch" aria-hidden="true" style=${styleMap({ background: this.#previewStyle()[property] ?? 'transparent' })}></span>` : html`<span></span>`}
      </span>
      ${error ? html`<p class="error" id="${id}-error" role="alert">${error}</p>` : ''}
    </div>`;
  }

  override render() {
    const s = strings;
    const general = this.problem && !problemFor(this.problem, ...THEME_PROPERTIES.map((p) => `theme.${p}`));
    return html`<section class="panel" aria-labelledby="theme-title">
      <h2 id="theme-title">${s.theme}</h2>
      <p class="muted" id="theme-hint">${s.themeHint}</p>
      <div class="layout">
        <form @submit=${this.#save} novalidate>
          ${THEME_PROPERTIES.map((property) => this.#field(property))}
          <p class="error" role="alert">${general ? this.problem?.message : ''}</p>
          <button class="btn primary" ?disabled=${this.busy}>${s.saveTheme}</button>
          <p class="ok" role="status">${this.done}</p>
        </form>
        <div>
          <h3>${s.preview}</h3>
          <rapport-community class="preview" community=${this.app.community} endpoint="${location.origin}/graphql"
            style=${styleMap(this.#previewStyle())}></rapport-community>
        </div>
      </div>
    </section>`;
  }
}
