import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Route } from '../app.ts';

type Tab = 'list' | 'roadmap' | 'whats-new';

/** The views a visitor moves between: posts, the roadmap (when the brand shows it) and What's new. */
export function communityTabs(
  route: Route,
  options: { roadmapEnabled: boolean; newsUnread: boolean; go: (route: Route) => void },
) {
  const tab = (name: Tab, label: string, extra: unknown = nothing) =>
    html`<button part="tab" aria-current=${route.name === name ? 'page' : 'false'}
      @click=${() => options.go({ name })}>${label}${extra}</button>`;
  return html`<nav part="tabs" aria-label=${msg('Community views')}>
    ${tab('list', msg('Posts'))}
    ${options.roadmapEnabled ? tab('roadmap', msg('Roadmap')) : nothing}
    ${tab(
      'whats-new',
      msg("What's new"),
      options.newsUnread
        ? html`<span class="dot" role="img" aria-label=${msg('new', { desc: "The dot on the What's new tab: there are entries the visitor has not seen." })}></span>`
        : nothing,
    )}
  </nav>`;
}
