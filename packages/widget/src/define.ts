/** Defines custom elements; a page may load widget.js (and its chunks) twice: the second time changes nothing. */
export function define(elements: [string, CustomElementConstructor][]): void {
  for (const [name, element] of elements) {
    if (!customElements.get(name)) customElements.define(name, element);
  }
}
