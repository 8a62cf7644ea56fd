import { css } from 'lit';

/**
 * The look of text fields (ui/field.ts), apart from their code: the widget's list shows its
 * search box at start, and must not bring the fields' length rules into the start bundle.
 */
export const fieldStyles = css`
  .field {
    display: grid;
    gap: 0.25em;
    margin-bottom: var(--_space);
  }
  label {
    font-weight: 600;
  }
  input,
  textarea,
  select {
    width: 100%;
    padding: 0.5em 0.65em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .count {
    justify-self: end;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }
`;
