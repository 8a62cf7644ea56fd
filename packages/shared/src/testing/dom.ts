/**
 * Browser-side helpers for component tests (widget and admin console): queries that see through
 * shadow roots as a person sees the page, waiting for something to show, and typing.
 */
/**
 * All elements matching `selector` anywhere below `root`, shadow roots included. A selector can be
 * a chain, `a >> b`: every `b` anywhere below an `a` (CSS combinators do not cross shadow roots).
 */
export function findAll(root: Element | ShadowRoot | Document, selector: string): HTMLElement[] {
  const [first, ...rest] = selector.split(' >> ');
  const found: HTMLElement[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const element of node.querySelectorAll<HTMLElement>('*')) {
      if (element.matches(first ?? '*')) found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  else visit(root);
  return rest.length ? found.flatMap((element) => findAll(element, rest.join(' >> '))) : found;
}

/** The text a person sees in an element, including what its shadow roots render. */
export function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const element = node as Element;
  const children = [...(element.shadowRoot?.childNodes ?? []), ...node.childNodes];
  return children.map(deepText).join('');
}

export const find = (root: Element | ShadowRoot | Document, selector: string) => findAll(root, selector)[0];

/** The element whose visible text (or aria-label) matches, among those matching `selector`. */
export function byText(root: Element, selector: string, text: string | RegExp): HTMLElement | undefined {
  return findAll(root, selector).find((el) => {
    const label = `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.trim();
    return typeof text === 'string' ? label.includes(text) : text.test(label);
  });
}

export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 8000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Types into an input or textarea the way a person does (an input event per change). */
export function type(element: HTMLElement | undefined, value: string): void {
  if (!element) throw new Error('nothing to type into');
  (element as HTMLInputElement).value = value;
  element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
