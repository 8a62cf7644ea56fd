import { html, nothing } from 'lit';
import type { Route } from '../app.ts';
import { strings } from '../strings.ts';

type Tab = 'list' | 'roadmap' | 'whats-new';

/** The views a visitor moves between: posts, the roadmap (when the brand shows it) and What's new. */
export function communityTabs(
  route: Route,
  options: { roadmapEnabled: boolean; newsUnread: boolean; go: (route: Route) => void },
) {
  const tab = (name: Tab, label: string, extra: unknown = nothing) =>
    html`<button part="tab" aria-current=${route.name === name ? 'page' : 'false'}
      @click=${() => options.go({ name })}>${label}${extra}</button>`;
  return html`<nav part="tabs" aria-label=${strings.viewsLabel}>
    ${tab('list', strings.postsTab)}
    ${options.roadmapEnabled ? tab('roadmap', strings.roadmapTab) : nothing}
    ${tab(
      'whats-new',
      strings.whatsNewTab,
      options.newsUnread ? html`<span class="dot" role="img" aria-label=${strings.newEntries}></span>` : nothing,
    )}
  </nav>`;
}
