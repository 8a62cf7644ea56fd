import { css } from 'lit';

/** Admin screens: panels, tables, toolbars, on top of the shared theme. */
export const adminStyles = css`
  :host {
    font-size: 15px;
  }
  h1 {
    font-size: 1.4em;
    margin: 0 0 0.3em;
  }
  h2 {
    font-size: 1.1em;
    margin: 1.2em 0 0.4em;
  }
  .panel {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: end;
    margin-bottom: var(--_space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.5em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    font-size: 0.85em;
    color: var(--_muted);
  }
  a {
    color: var(--_accent);
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .ok {
    color: var(--_success);
  }
  code,
  pre {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.9em;
    background: var(--_surface);
    border-radius: 4px;
    padding: 0.1em 0.3em;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
  }
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
    padding: 0.45em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    max-width: 100%;
  }
  textarea {
    width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
`;
