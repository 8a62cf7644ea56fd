import { css } from 'lit';

/** A button that reads as a link in running text (`class="link"`): an action, shown like a link. */
export const linkButtonStyles = css`
  .link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    font: inherit;
    text-align: start;
  }
`;
