import { html, nothing } from 'lit';
import { characters, type TextRule } from '../limits.ts';

/** The words of a text field, from the using package's strings (for translation). */
export interface FieldLabels {
  counter(used: number, max: number): string;
  tooShort(label: string, min: number): string;
  tooLong(label: string, max: number): string;
}

/** What is wrong with a value as typed, if anything (the server checks again). */
export function lengthProblem(value: string, rule: TextRule, label: string, labels: FieldLabels): string | undefined {
  const length = characters(value.trim());
  if (length > rule.max) return labels.tooLong(label, rule.max);
  if (rule.min > 0 && length < rule.min) return labels.tooShort(label, rule.min);
  return undefined;
}

export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  rule: TextRule;
  multiline?: boolean;
  /** Server error for this field, shown under it until the value changes. */
  error?: string | undefined;
  onInput(value: string): void;
}

/** A labelled text input with a live character count, its limit, and its error in place. */
export function textField(o: FieldOptions, labels: FieldLabels) {
  const used = characters(o.value.trim());
  const over = used > o.rule.max;
  const describedBy = `${o.id}-count${o.error ? ` ${o.id}-error` : ''}`;
  const onInput = (e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    ${
      o.multiline
        ? html`<textarea id=${o.id} part="input" rows="5" .value=${o.value} @input=${onInput}
          aria-invalid=${o.error || over ? 'true' : 'false'} aria-describedby=${describedBy}></textarea>`
        : html`<input id=${o.id} part="input" .value=${o.value} @input=${onInput}
          aria-invalid=${o.error || over ? 'true' : 'false'} aria-describedby=${describedBy} />`
    }
    <div class="count ${over ? 'over' : ''}" id="${o.id}-count">${labels.counter(used, o.rule.max)}</div>
    ${o.error ? html`<p class="error" id="${o.id}-error" role="alert">${o.error}</p>` : nothing}
  </div>`;
}
