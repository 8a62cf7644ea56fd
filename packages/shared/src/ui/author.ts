import { css, html, nothing } from 'lit';
import { dateTime, timeAgo } from './time.ts';

/** What the author line needs of an author (the GraphQL `Author` with its staff and member fields). */
export interface AuthorView {
  __typename: 'Member' | 'StaffMember';
  displayName: string;
  avatarUrl: string | null;
  title?: string | null;
  badge?: 'STAFF' | 'AGENCY';
  isFormer?: boolean;
  isAmbassador?: boolean;
}

/** The words of the author line, from the using package's strings (for translation). */
export interface AuthorLabels {
  staff: string;
  agencyFor(brand: string): string;
  formerStaff: string;
  ambassador: string;
  /** The language dates are written in (BCP 47); the browser's when absent. */
  locale?: string;
}

// A picture that does not load leaves the initial under it in view, not a broken-image icon.
const showInitial = (e: Event) => {
  (e.target as HTMLImageElement).hidden = true;
};
const showPicture = (e: Event) => {
  (e.target as HTMLImageElement).hidden = false;
};

/**
 * Who wrote something. Staff appear as themselves: avatar, name, title and a badge that says
 * whether they work for the brand or for an agency on its behalf. The widget shows it to
 * customers; the admin console shows staff exactly the same, in its previews.
 */
export function authorLine(author: AuthorView | null, brand: string, at: string, strings: AuthorLabels) {
  const name = author?.displayName ?? '';
  const staff = author?.__typename === 'StaffMember';
  const badge = staff
    ? author.badge === 'AGENCY'
      ? strings.agencyFor(brand)
      : strings.staff
    : author?.isAmbassador
      ? strings.ambassador
      : undefined;
  return html`<div class="author" part="author">
    <span class="avatar-box" part="avatar">
      <span class="avatar initial" aria-hidden="true">${[...name][0]?.toUpperCase() ?? '?'}</span>
      ${
        author?.avatarUrl
          ? html`<img class="avatar" src=${author.avatarUrl} alt="" width="32" height="32" loading="lazy"
              @error=${showInitial} @load=${showPicture} />`
          : nothing
      }
    </span>
    <span class="who">
      <span class="name">${name}</span>
      ${badge ? html`<span class="badge ${staff ? 'staff' : 'amb'}" part=${staff ? 'staff-badge' : 'badge'}>${badge}</span>` : nothing}
      ${staff && author.isFormer ? html`<span class="badge">${strings.formerStaff}</span>` : nothing}
      ${staff && author.title ? html`<span class="muted">${author.title}</span>` : nothing}
      <time class="muted" datetime=${at} title=${dateTime(at, strings.locale)}>${timeAgo(at, Date.now(), strings.locale)}</time>
    </span>
  </div>`;
}

export const authorStyles = css`
  .author {
    display: flex;
    align-items: center;
    gap: 0.6em;
  }
  .avatar-box {
    position: relative;
    width: 32px;
    height: 32px;
    flex: none;
  }
  .avatar {
    width: 32px;
    height: 32px;
    border-radius: 50%;
    object-fit: cover;
  }
  img.avatar {
    position: absolute;
    inset: 0;
  }
  img.avatar[hidden] {
    display: none;
  }
  .initial {
    display: inline-grid;
    place-items: center;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-weight: 600;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.1em 0.5em;
  }
  .name {
    font-weight: 600;
  }
  .badge.staff {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
`;
