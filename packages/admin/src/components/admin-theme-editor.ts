import { msg, updateWhenLocaleChanges } from '@lit/localize';
import {
  COLOUR_ROLES,
  type ColourRole,
  type ContrastProblem,
  colourProperty,
  contrastProblems,
  MIN_TEXT_CONTRAST,
  paletteOf,
  type ReadPair,
  SCHEMES,
  type Scheme,
  withDerivedColours,
} from '@rapport/shared/theme-palette.ts';
import { isPlainCssValue, THEME_PROPERTIES } from '@rapport/shared/theme-values.ts';
import { styleProps } from '@rapport/shared/ui/style-props.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { UPDATE_COMMUNITY } from '../documents/settings.ts';
import { t } from '../i18n/localize.ts';
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

const OTHER_PROPERTIES = ['--rapport-font', '--rapport-radius', '--rapport-space'] as const;

/** What each colour role and value of the theme is for. */
const themeLabels = (): Record<string, string> => ({
  accent: msg('Accent (buttons, links)'),
  'accent-text': msg('Text on the accent'),
  bg: msg('Background'),
  surface: msg('Surfaces (cards)'),
  text: msg('Text', { id: 'colour-text', desc: 'The colour of text in the widget' }),
  muted: msg('Secondary text'),
  border: msg('Borders'),
  danger: msg('Errors'),
  success: msg('Success'),
  '--rapport-font': msg('Font'),
  '--rapport-radius': msg('Corner radius'),
  '--rapport-space': msg('Spacing'),
});

const schemeNames = (): Record<string, string> => ({
  light: msg('Light', { desc: 'The light colour scheme' }),
  dark: msg('Dark', { desc: 'The dark colour scheme' }),
});

/** What a reader sees for each pair of colours the contrast check judges. */
const readPairs = (): Record<ReadPair, string> => ({
  textOnBackground: msg('Text on the background'),
  textOnPanels: msg('Text on panels'),
  secondaryText: msg('Secondary text', { id: 'read-secondary-text', desc: 'Text read on the background' }),
  textOnButtons: msg('Text on buttons, your vote and the Staff badge'),
  links: msg('Links'),
  errorMessages: msg('Error messages'),
});

/** The same words as the server's refusal (error.theme.contrast), as the brand types. */
const contrastMessage = (problem: ContrastProblem): string =>
  t(
    msg(
      '{what} in {scheme, select, dark {dark} other {light}} mode reaches {ratio, number}:1; at least {min, number}:1 is needed to be readable (WCAG AA).',
      { id: 'theme-contrast' },
    ),
    {
      what: readPairs()[problem.pair],
      scheme: problem.scheme,
      ratio: problem.ratio,
      min: MIN_TEXT_CONTRAST,
    },
  );

const themeDefault = () => msg('default', { desc: 'An empty theme value: the widget uses its own' });

/**
 * The widget's theme: each colour for the light and the dark scheme, the font and spacing, and
 * beside them the real widget in both schemes with the values as typed (before saving). Text that
 * would be hard to read is flagged as it is typed, on the field to change, with its contrast.
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
        grid-template-columns: minmax(20em, 1fr) minmax(0, 1.2fr);
        gap: 1.2em;
        align-items: start;
      }
      @media (max-width: 60em) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th {
        text-align: start;
        font-weight: 600;
        padding-block: 0.3em;
        padding-inline: 0 0.4em;
        vertical-align: top;
      }
      td {
        padding: 0.2em 0.3em;
        vertical-align: top;
      }
      .property {
        display: grid;
        grid-template-columns: minmax(5em, 1fr) 1.6em;
        gap: 0.3em;
        align-items: center;
      }
      input {
        width: 100%;
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
      label code,
      th code {
        font-weight: 400;
        font-size: 0.8em;
      }
      .previews {
        display: grid;
        gap: 1em;
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

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

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

  /** The values as typed that are set and plain CSS (the server would refuse the others). */
  #usable(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.values)
        .map(([property, value]) => [property, value.trim()] as const)
        .filter(([, value]) => value && isPlainCssValue(value)),
    );
  }

  /**
   * One scheme's look for a preview widget: its colours in both the light and the dark slots, so
   * the preview shows that scheme whatever this computer's own setting is.
   */
  #previewStyle(scheme: Scheme): Record<string, string> {
    const usable = this.#usable();
    const palette = paletteOf(usable, scheme);
    const style: Record<string, string> = {};
    for (const role of COLOUR_ROLES) {
      for (const slot of SCHEMES) style[colourProperty(role, slot)] = palette[role];
    }
    for (const property of OTHER_PROPERTIES) if (usable[property]) style[property] = usable[property];
    return style;
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
    this.done = outcome.problem ? '' : msg('Theme saved: customers see it the next time the widget loads.');
  }

  #input(property: string, label: string, placeholder: string, live: Record<string, string>) {
    const value = this.values[property] ?? '';
    const error = problemFor(this.problem, `theme.${property}`) ?? live[property];
    const id = `theme${property}`;
    const usable = this.#usable()[property];
    return html`<span class="property">
        <input id=${id} .value=${value} placeholder=${placeholder} maxlength="100" aria-label=${label}
          @input=${(e: Event) => {
            this.values = { ...this.values, [property]: (e.target as HTMLInputElement).value };
            this.done = '';
            this.problem = undefined;
          }}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby="theme-hint ${error ? `${id}-error` : ''}" />
        <span class="swatch" aria-hidden="true" ${styleProps({ background: usable ?? 'transparent' })}></span>
      </span>
      ${error ? html`<p class="error" id="${id}-error" role="alert">${error}</p>` : ''}`;
  }

  #colourRow(role: ColourRole, live: Record<string, string>) {
    const derived = withDerivedColours(this.#usable());
    const label = themeLabels()[role] ?? role;
    return html`<tr>
      <th scope="row">${label}</th>
      ${SCHEMES.map((scheme) => {
        const property = colourProperty(role, scheme);
        const value = derived[property];
        const fallback = value ? t(msg('derived: {value}'), { value }) : themeDefault();
        const name = t(msg('{label}, {scheme, select, light {light scheme} other {dark scheme}}'), { label, scheme });
        return html`<td>
          ${this.#input(property, name, fallback, live)}
          <code class="muted">${property}</code>
        </td>`;
      })}
    </tr>`;
  }

  override render() {
    const labels = themeLabels();
    const schemes = schemeNames();
    const general =
      this.problem && !problemFor(this.problem, ...THEME_PROPERTIES.map((p) => `theme.${p}`))
        ? this.problem.message
        : '';
    // Checked as typed: the first problem for each field (the server refuses the same).
    const live: Record<string, string> = {};
    for (const p of contrastProblems(this.#usable())) live[p.property] ??= contrastMessage(p);
    return html`<section class="panel" aria-labelledby="theme-title">
      <h2 id="theme-title">${msg('Widget theme')}</h2>
      <p class="muted" id="theme-hint">${msg('CSS values, e.g. #0a6e46 or 4px. Empty for the default. Each colour has a light and a dark value: the widget follows the reader’s light or dark setting. Text must stay readable (WCAG AA, 4.5:1) in both.')}</p>
      <div class="layout">
        <form @submit=${this.#save} novalidate>
          <table>
            <caption class="sr-only">${msg('Colours')}</caption>
            <thead><tr><td></td>${SCHEMES.map((scheme) => html`<th scope="col">${schemes[scheme]}</th>`)}</tr></thead>
            <tbody>${COLOUR_ROLES.map((role) => this.#colourRow(role, live))}</tbody>
          </table>
          <h3>${msg('Type and spacing')}</h3>
          ${OTHER_PROPERTIES.map(
            (property) => html`<div class="field">
              <label for="theme${property}">${labels[property]} <code>${property}</code></label>
              ${this.#input(property, labels[property] ?? property, themeDefault(), live)}
            </div>`,
          )}
          <p class="error" role="alert">${general}</p>
          <button class="btn primary" ?disabled=${this.busy}>${msg('Save theme')}</button>
          <p class="ok" role="status">${this.done}</p>
        </form>
        <div class="previews">
          ${SCHEMES.map(
            (scheme) => html`<div>
              <h3>${t(msg('Preview: {scheme, select, light {Light scheme} other {Dark scheme}}'), { scheme })}</h3>
              <rapport-community class="preview" data-scheme=${scheme} community=${this.app.community}
                endpoint="${location.origin}/graphql" ${styleProps(this.#previewStyle(scheme))}></rapport-community>
            </div>`,
          )}
        </div>
      </div>
    </section>`;
  }
}
