import { firstLocale, type Locale, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';

/**
 * The language the widget speaks, first match wins: the element's `lang`, the SSO token's `locale`
 * claim, the host page's `<html lang>`, the browser's languages, the community's default.
 */
export function chooseLocale(sources: {
  lang: string | null | undefined;
  ssoToken: string | null | undefined;
  communityLocale: string | null | undefined;
}): Locale {
  return (
    firstLocale([
      sources.lang,
      localeClaim(sources.ssoToken),
      document.documentElement.lang,
      ...navigator.languages,
      sources.communityLocale,
    ]) ?? SOURCE_LOCALE
  );
}

/** Whether the brand's SSO token says which language the customer reads. */
export const hasLocaleClaim = (token: string | null | undefined): boolean => localeClaim(token) !== null;

/** The `locale` claim of an SSO token (a JWT), read without verifying it: it only picks a language. */
function localeClaim(token: string | null | undefined): string | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/'));
    const locale = (JSON.parse(json) as { locale?: unknown }).locale;
    return typeof locale === 'string' ? locale : null;
  } catch {
    return null;
  }
}
