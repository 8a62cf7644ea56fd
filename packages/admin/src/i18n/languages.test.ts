import { directionOf, LOCALES } from '@rapport/shared/i18n/locales.ts';
import { setViewport } from '@web/test-runner-commands';
import { expect } from 'chai';
import {
  cleanup,
  deepText,
  find,
  findAll,
  graphql,
  mountAdmin,
  newCommunity,
  signIn,
  waitFor,
} from '../testing/harness.ts';

/** Three screens, and English words each shows: none may show in another language. */
const SCREENS = [
  {
    path: '/admin/inbox',
    ready: 'admin-inbox >> input[type=checkbox]',
    english: ['Customers waiting for an answer', 'Assigned to me'],
  },
  {
    path: '/admin/settings',
    ready: 'admin-settings >> #community-locale',
    english: ['Community name and language', 'Sites allowed to embed the widget'],
  },
  {
    path: '/admin/ambassadors',
    ready: 'admin-ambassadors >> [role=tab]',
    english: ['Ambassadors and critics', 'Critics'],
  },
];

describe('the console in every language', () => {
  afterEach(cleanup);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const locale of LOCALES) {
    it(`shows the inbox, the settings and the ambassadors in ${locale}${directionOf(locale) === 'rtl' ? ', right to left' : ''}`, async () => {
      await setViewport({ width: 1024, height: 800 });
      const community = await newCommunity();
      await signIn(community, 'manager');
      // The language the staff member chose in My profile.
      await graphql('mutation ($l: String!) { updateMyProfile(input: { locale: $l }) { id } }', { l: locale });
      for (const screen of SCREENS) {
        const admin = await mountAdmin(screen.path);
        await waitFor(() => admin.getAttribute('lang') === locale, `the console in ${locale}`);
        await waitFor(() => find(admin, screen.ready), `${screen.path} shown`);
        expect(admin.getAttribute('dir')).to.equal(directionOf(locale));
        const text = deepText(admin);
        for (const english of screen.english) {
          if (locale === 'en') expect(text, screen.path).to.contain(english);
          else expect(text, `${locale} ${screen.path} shows "${english}"`).not.to.contain(english);
        }
        // The navigation reads from the side the language starts on.
        const links = findAll(admin, 'nav a').map((a) => a.getBoundingClientRect());
        const [first, last] = [links[0], links.at(-1)];
        if (first && last && first.top === last.top) {
          if (directionOf(locale) === 'rtl') expect(first.left).to.be.greaterThan(last.left);
          else expect(first.left).to.be.lessThan(last.left);
        }
        admin.remove();
      }
    });
  }
});
