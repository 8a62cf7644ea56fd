import { firstLocale } from '@rapport/shared/i18n/locales.ts';
import { expect } from 'chai';
import {
  byText,
  cleanup,
  deepText,
  find,
  mountAdmin,
  newCommunity,
  signIn,
  type,
  waitFor,
} from '../testing/harness.ts';

describe('<admin-profile>', () => {
  afterEach(cleanup);

  it('shows staff how customers see them, as they edit, and saves', async () => {
    const community = await newCommunity();
    const me = await signIn(community, 'agency');
    const admin = await mountAdmin('/admin/profile');
    const preview = await waitFor(() => find(admin, 'admin-profile >> .preview'), 'the preview');
    expect(deepText(preview)).to.contain(me.name).and.contain(`Agency for ${community.brand}`);
    type(find(admin, 'admin-profile >> #name'), 'Ari Renamed');
    type(find(admin, 'admin-profile >> #title'), 'Community voice');
    await waitFor(
      () => deepText(preview).includes('Ari Renamed') && deepText(preview).includes('Community voice'),
      'the preview to follow',
    );
    byText(admin, 'admin-profile >> button', 'Save')?.click();
    await waitFor(() => deepText(find(admin, 'header')!).includes('Ari Renamed'), 'the header to show the new name');
  });

  it('refuses a picture that is not a web address, next to it', async () => {
    const community = await newCommunity();
    await signIn(community);
    const admin = await mountAdmin('/admin/profile');
    type(await waitFor(() => find(admin, 'admin-profile >> #avatarUrl'), 'the form'), 'javascript:alert(1)');
    byText(admin, 'admin-profile >> button', 'Save')?.click();
    const error = await waitFor(
      () => find(admin, 'admin-profile >> #avatarUrl-error')?.textContent?.trim(),
      'the error',
    );
    expect(error).to.match(/http/i);
    expect(find(admin, 'admin-profile >> #avatarUrl')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('lets staff choose the language of the console; Arabic and Hebrew lay it out right to left', async () => {
    const community = await newCommunity();
    await signIn(community);
    const admin = await mountAdmin('/admin/profile');
    const select = (await waitFor(() => find(admin, 'admin-profile >> #language'), 'the choice')) as HTMLSelectElement;
    const browser = firstLocale(navigator.languages) ?? 'en';
    expect(admin.getAttribute('lang')).to.equal(browser);
    // Each language by its own name, as its speakers look for it.
    expect([...select.options].find((o) => o.value === 'ar')?.textContent).to.equal('العربية');
    const choose = (value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    try {
      choose('ar');
      await waitFor(() => admin.getAttribute('dir') === 'rtl', 'right to left');
      expect(admin.getAttribute('lang')).to.equal('ar');
      choose('de');
      await waitFor(() => admin.getAttribute('lang') === 'de', 'German');
      expect(admin.getAttribute('dir')).to.equal('ltr');
    } finally {
      choose('');
      await waitFor(() => admin.getAttribute('lang') === browser, 'the browser’s language again');
    }
  });
});
