import { directionOf, LOCALES } from '@rapport/shared/i18n/locales.ts';
import { setViewport } from '@web/test-runner-commands';
import { expect } from 'chai';
import { cleanup, deepText, find, findAll, mount, newCommunity, server, waitFor } from '../testing/harness.ts';

/** Words the English widget shows on its list: none of them may show in another language. */
const ENGLISH = ['New post', 'Search ideas and questions', 'All kinds', 'Any status', 'Unanswered'];

const frameOf = (widget: Element) => find(widget, '[part=container]') as HTMLElement;
const newPostButton = (widget: Element) =>
  findAll(widget, 'header button').find((b) => b.classList.contains('primary')) as HTMLElement;

describe('the widget in every language', () => {
  afterEach(cleanup);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const locale of LOCALES) {
    it(`speaks ${locale}${directionOf(locale) === 'rtl' ? ', right to left' : ''}, fitting a 375 px screen`, async () => {
      await setViewport({ width: 375, height: 740 });
      const c = await newCommunity();
      await server('post', { slug: c.slug, title: 'A post in any language' });
      const widget = await mount(c, { lang: locale });
      await waitFor(() => frameOf(widget)?.getAttribute('lang') === locale, `the widget in ${locale}`);
      await waitFor(() => deepText(widget).includes('A post in any language'), 'the list');
      const frame = frameOf(widget);
      const direction = directionOf(locale);
      expect(frame.getAttribute('dir')).to.equal(direction);
      expect(getComputedStyle(frame).direction).to.equal(direction);
      const text = deepText(widget);
      const placeholder = (find(widget, 'rapport-thread-list >> input[type=search]') as HTMLInputElement).placeholder;
      for (const english of ENGLISH) {
        if (locale === 'en') expect(`${text} ${placeholder}`).to.contain(english);
        else expect(`${text} ${placeholder}`, `${locale} shows "${english}"`).not.to.contain(english);
      }
      // Nothing runs off the side, and no button's words are cut.
      expect(frame.scrollWidth, 'sideways scrolling').to.be.at.most(frame.clientWidth + 1);
      for (const button of findAll(widget, 'button')) {
        if (button.offsetParent === null) continue;
        expect(button.scrollWidth, `"${button.textContent?.trim()}" is clipped`).to.be.at.most(button.clientWidth + 1);
      }
      // The layout mirrors: the brand's name (its text, not its box) starts on the side the
      // language starts on.
      const range = document.createRange();
      range.selectNodeContents(find(widget, 'header h2') as HTMLElement);
      const name = range.getBoundingClientRect();
      const box = frame.getBoundingClientRect();
      const [near, far] = [name.left - box.left, box.right - name.right];
      if (direction === 'rtl') expect(far, 'name at the right').to.be.lessThan(near);
      else expect(near, 'name at the left').to.be.lessThan(far);
    });
  }

  it('switches language when the page changes its lang attribute, without a reload', async () => {
    const c = await newCommunity();
    const widget = await mount(c, { lang: 'de' });
    await waitFor(() => frameOf(widget)?.getAttribute('lang') === 'de', 'German');
    const german = newPostButton(widget).textContent?.trim();
    widget.setAttribute('lang', 'he');
    await waitFor(() => frameOf(widget)?.getAttribute('dir') === 'rtl', 'Hebrew, right to left');
    expect(newPostButton(widget).textContent?.trim()).not.to.equal(german);
    widget.setAttribute('lang', 'en');
    await waitFor(() => newPostButton(widget)?.textContent?.trim() === 'New post', 'English again');
  });

  it('shows the last language asked for, though an earlier one was still loading', async () => {
    const c = await newCommunity();
    const widget = await mount(c);
    widget.setAttribute('lang', 'ko');
    widget.setAttribute('lang', 'en');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(frameOf(widget).getAttribute('lang')).to.equal('en');
    expect(newPostButton(widget).textContent?.trim()).to.equal('New post');
  });

  it("follows the sign-in token's locale claim when the page sets no lang", async () => {
    const c = await newCommunity();
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'jp', name: 'Jun', locale: 'ja' });
    const widget = await mount(c, { 'sso-token': token });
    await waitFor(() => frameOf(widget)?.getAttribute('lang') === 'ja', 'Japanese');
    expect(newPostButton(widget).textContent).not.to.contain('New post');
  });
});
