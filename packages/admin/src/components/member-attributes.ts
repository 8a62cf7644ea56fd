import { msg } from '@lit/localize';
import { html } from 'lit';
import { formatNumber } from '../i18n/localize.ts';

/**
 * What the brand says about a customer (plan, revenue…), as the SSO token or API gave it: text only.
 * Sorted by key here because PostgreSQL's jsonb keeps its own key order (shortest first).
 */
export function attributeList(attributes: Record<string, string | number | boolean>) {
  const entries = Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return html`<ul class="plain">${entries.map(
    ([key, value]) => html`<li><span class="muted">${key}:</span> ${shown(value)}</li>`,
  )}</ul>`;
}

function shown(value: string | number | boolean): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? msg('yes') : msg('no');
  return value;
}
