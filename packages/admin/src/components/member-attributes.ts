import { msg } from '@lit/localize';
import { html } from 'lit';
import { formatNumber } from '../i18n/localize.ts';

/** What the brand says about a customer (plan, revenue…), as the SSO token or API gave it: text only. */
export function attributeList(attributes: Record<string, string | number | boolean>) {
  return html`<ul class="plain">${Object.entries(attributes).map(
    ([key, value]) => html`<li><span class="muted">${key}:</span> ${shown(value)}</li>`,
  )}</ul>`;
}

function shown(value: string | number | boolean): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? msg('yes') : msg('no');
  return value;
}
