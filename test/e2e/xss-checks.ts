import type { Page } from 'playwright-core';

/** Elements a payload would have had to make to run or fetch something. */
const DANGEROUS = [
  'SCRIPT',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'VIDEO',
  'AUDIO',
  'MARQUEE',
  'DETAILS',
  'BASE',
  'META',
  'IMG',
];
/** Attributes that make the browser go somewhere. */
const ADDRESSES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background'];

export interface Injected {
  /** Dangerous elements found (tag names), beyond those `allow`ed. */
  elements: string[];
  /** Event-handler attributes found. */
  handlers: string[];
  /** Addresses (links, sources, form actions) that lead anywhere but the web or an email address. */
  unsafeLinks: string[];
}

/**
 * What a payload may have made in a page: under the shadow root of `host` (shadow roots inside it
 * included), or the whole document when `host` is null. `allow`: tags the page has by design
 * (an email's head has <meta> tags; a console screen its own inputs).
 */
export function injectedInto(page: Page, host: string | null, allow: string[] = []): Promise<Injected> {
  return page.evaluate(
    ({ host, dangerous, allow, addresses }) => {
      const found: Injected = { elements: [], handlers: [], unsafeLinks: [] };
      const visit = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          const tag = el.tagName.toUpperCase();
          if (dangerous.includes(tag) && !allow.includes(tag)) found.elements.push(tag);
          for (const attribute of el.attributes)
            if (attribute.name.startsWith('on')) found.handlers.push(attribute.name);
          for (const name of addresses) {
            const value = el.getAttribute(name);
            if (value !== null && !/^(https?|mailto):/i.test(value.trim())) found.unsafeLinks.push(`${name}=${value}`);
          }
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      visit(host ? (document.querySelector(host)?.shadowRoot as ShadowRoot) : document);
      return found;
    },
    { host, dangerous: DANGEROUS, allow, addresses: ADDRESSES },
  );
}
