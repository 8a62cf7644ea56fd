/** A "What's new" entry as the console shows it: where it stands, and the threads it ships. */
import { msg } from '@lit/localize';
import { dateTime } from '@rapport/shared/ui/time.ts';
import { html, nothing } from 'lit';
import type { ChangelogEntry, LinkedThread } from '../documents/changelog.ts';
import { currentLocale, t } from '../i18n/localize.ts';

export const entryStatuses = (): Record<string, string> => ({
  DRAFT: msg('Draft'),
  SCHEDULED: msg('Scheduled'),
  PUBLISHED: msg('Published'),
});

/** The label of an entry's title. */
export const entryTitle = () => msg('Title', { id: 'entry-title', desc: `The headline of a "What's new" entry` });

/**
 * "Published 3 days ago · edited", "Scheduled for 4 Dec 2026, 14:05", "Draft". `when` writes the
 * publishing time (relative in the list, exact on the entry).
 */
export function entryState(e: ChangelogEntry, when: (iso: string) => string): string {
  if (e.status === 'PUBLISHED') {
    const published = t(msg('Published {when}'), { when: when(e.publishedAt ?? e.createdAt) });
    return e.editedAt
      ? `${published} · ${msg('edited', { desc: 'A published entry was changed after publishing' })}`
      : published;
  }
  if (e.status === 'SCHEDULED') {
    return t(msg('Scheduled for {at}'), { at: dateTime(e.publishAt ?? e.createdAt, currentLocale()) });
  }
  return entryStatuses().DRAFT ?? e.status;
}

/** "by Ann, Product lead": who wrote an entry. */
export const entryBy = ({ name, title }: ChangelogEntry['author']) =>
  title
    ? t(msg('by {name}, {title}', { desc: 'Who wrote an entry, and their job title' }), { name, title })
    : t(msg('by {name}', { desc: 'Who wrote an entry' }), { name });

/** The threads an entry ships, and a search for more to add. */
export function shipsSection(o: {
  threads: LinkedThread[];
  candidates: LinkedThread[] | undefined;
  search: string;
  invalid: boolean;
  onSearch(value: string): void;
  onRemove(thread: LinkedThread): void;
  onAdd(thread: LinkedThread): void;
}) {
  const list = (threads: LinkedThread[], action: (thread: LinkedThread) => unknown) =>
    html`<ul class="plain">${threads.map((thread) => html`<li class="row">${thread.title} ${action(thread)}</li>`)}</ul>`;
  return html`<section class="panel" aria-labelledby="ships-title">
    <h2 id="ships-title">${msg('Ships')}</h2>
    <p class="muted">${msg('The threads this entry delivers: they become Shipped when it is published.')}</p>
    ${
      o.threads.length
        ? list(
            o.threads,
            (thread) => html`<button class="btn" aria-label=${t(msg('Take “{title}” off this entry'), thread)}
              @click=${() => o.onRemove(thread)}>${msg('Remove')}</button>`,
          )
        : html`<p class="muted">${msg('No threads yet.')}</p>`
    }
    <div class="field"><label for="entry-search">${msg('Find a thread to add')}</label>
      <input id="entry-search" type="search" autocomplete="off" .value=${o.search}
        aria-invalid=${o.invalid ? 'true' : 'false'}
        @input=${(ev: Event) => o.onSearch((ev.target as HTMLInputElement).value)} /></div>
    ${
      o.candidates
        ? o.candidates.length
          ? list(
              o.candidates,
              (thread) => html`<button class="btn" aria-label=${t(msg('Add “{title}” to this entry'), thread)}
                @click=${() => o.onAdd(thread)}>${msg('Add')}</button>`,
            )
          : html`<p class="muted">${msg('No thread matches these words.')}</p>`
        : nothing
    }
  </section>`;
}
