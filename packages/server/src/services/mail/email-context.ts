import { withPlace } from '@rapport/shared/widget-address.ts';
import type { Community } from '../../entities/index.ts';
import { memberLocale } from '../communities.ts';
import { outreachSettings } from '../outreach-settings.ts';
import type { EmailContext } from './templates/sections.ts';

/** A colour an email may use: hex or rgb()/hsl() only (theme values are CSS, emails are HTML attributes). */
const COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\))$/i;

function colour(value: string | undefined, fallback: string): string {
  const trimmed = value?.trim();
  return trimmed && COLOUR.test(trimmed) ? trimmed : fallback;
}

/** How a community's emails look (its theme's light colours) and where their links lead. */
export function emailContextOf(community: Community, ownLocale: string | null | undefined): EmailContext {
  const theme = community.settings.theme ?? {};
  const page = outreachSettings(community).communityPageUrl;
  return {
    brand: community.name,
    locale: memberLocale(ownLocale, community),
    colours: {
      accent: colour(theme['--rapport-accent'], '#2457c5'),
      accentText: colour(theme['--rapport-accent-text'], '#ffffff'),
    },
    threadUrl: (id) => (page && id ? withPlace(page, { view: 'thread', id }) : null),
    entryUrl: (id) => (page && id ? withPlace(page, { view: 'whats-new', entry: id }) : null),
    communityUrl: () => page ?? null,
  };
}

/**
 * Who an email is from: the brand, through Rapport, at the server's address (`"Acme via Rapport"
 * <no-reply@…>`), or at the community's own From address when it set one.
 */
export function senderOf(community: Community, mailFrom: string): { name: string; address: string } {
  const own = outreachSettings(community).fromAddress;
  if (own) return { name: community.name, address: own };
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return { name: `${community.name} via Rapport`, address };
}
