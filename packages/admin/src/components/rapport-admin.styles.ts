import { css } from 'lit';

/** The console's shell: the top bar, the navigation (a Menu on narrow screens), the screen. */
export const shellStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--_surface);
  }
  /* Hidden in place, not pushed off the page: off its start side, a right-to-left console would scroll sideways. */
  .skip:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .skip:focus {
    position: absolute;
    inset-inline-start: 1em;
    top: 1em;
    z-index: 10;
    background: var(--_bg);
    padding: 0.5em;
  }
  /* A top bar (the brand, the person signed in) over one row of links. */
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em 1em;
    align-items: center;
    padding: 0.5em 1em 0.3em;
    background: var(--_bg);
    border-bottom: 1px solid var(--_border);
  }
  /* It gives way (cut short with …) rather than push the rest onto another row. */
  .brand {
    flex: 1 1 0;
    font-weight: 700;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  nav {
    order: 3;
    flex-basis: 100%;
  }
  /* The links never wrap onto a second line; past the edge they scroll rather than break. */
  nav ul {
    display: flex;
    flex-wrap: nowrap;
    overflow-x: auto;
    gap: 0.1em;
    list-style: none;
    margin: 0;
    padding: 0.1em;
  }
  nav a {
    display: inline-block;
    padding: 0.35em 0.6em;
    border-radius: var(--_radius);
    text-decoration: none;
    color: var(--_text);
    white-space: nowrap;
  }
  nav a[aria-current='page'] {
    background: var(--_surface);
    font-weight: 600;
    outline: 1px solid var(--_border);
  }
  .menu {
    display: none;
  }
  /* Narrower than the links: a Menu button opens them as a list. */
  @media (max-width: 60em) {
    .menu {
      display: inline-flex;
    }
    nav {
      display: none;
    }
    nav.open {
      display: block;
    }
    nav.open ul {
      flex-direction: column;
    }
    nav.open a {
      display: block;
    }
    .who {
      display: none;
    }
  }
  .me {
    margin-inline-start: auto;
    display: flex;
    gap: 0.6em;
    align-items: center;
  }
  main {
    max-width: 72em;
    margin: 0 auto;
    padding: 1.2em;
  }
  /* Focused by script after navigation (a container, not a control): no focus ring. */
  main:focus {
    outline: none;
  }
`;
