import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/**
 * Sets an element's inline style properties through the CSSOM (`element.style.setProperty`),
 * always. Lit's styleMap writes its first values as a `style` attribute, which a strict CSP
 * (`style-src 'self'`, the console's) refuses: the console's colour swatches showed blank.
 * Use as an element binding: `<span ${styleProps({ background: colour })}>`.
 */
class StyleProps extends Directive {
  #previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('styleProps binds to an element, not to an attribute or text.');
  }

  render(_properties: Record<string, string>) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(properties));
    return noChange;
  }
}

export const styleProps = directive(StyleProps);
