import { expect } from 'chai';
import {
  byText,
  cleanup,
  deepText,
  find,
  mount,
  newCommunity,
  openThread,
  server,
  type,
  waitFor,
} from '../testing/harness.ts';

const notice = (widget: Element) => find(widget, 'rapport-session-notice');
const noticeText = (widget: Element) => {
  const n = notice(widget);
  return n ? deepText(n) : '';
};
const inNotice = (widget: Element, selector: string, text: string | RegExp) => {
  const n = notice(widget);
  return n ? byText(n, selector, text) : undefined;
};
const threadText = (widget: Element) =>
  find(widget, 'rapport-thread-view >> article > rapport-editable-text') as Element;

describe('<rapport-session-notice>', () => {
  afterEach(cleanup);

  it('offers a customer who signs in to bring their guest posts into the account, and does', async () => {
    const c = await newCommunity();
    const guest = await server<string>('guest-token', { slug: c.slug, name: 'Gus' });
    await server('post', { slug: c.slug, as: 'Gus', title: 'Posted as a guest' });
    localStorage.setItem(`rapport:guest:${c.slug}`, guest);
    const widget = await mount(c);
    await openThread(widget, 'Posted as a guest');
    await waitFor(() => byText(threadText(widget), 'button', 'Edit'), 'Edit, for the guest who wrote it');

    const token = await server<string>('sso-token', { slug: c.slug, sub: 'gus-account', name: 'Gus Signed' });
    widget.setAttribute('sso-token', token);
    const offer = await waitFor(() => inNotice(widget, 'p', /as the guest “Gus”/), 'the offer');
    expect(offer.textContent).to.contain('1 post and 1 follow');
    // Not theirs yet: the thread view no longer offers what would be refused.
    await waitFor(() => !byText(threadText(widget), 'button', 'Edit'), 'no Edit before bringing it in');

    inNotice(widget, 'button', 'Bring it into my account')?.click();
    await waitFor(
      () => noticeText(widget).includes('Done: 1 post and 1 follow moved into your account.'),
      'what happened',
    );
    expect(localStorage.getItem(`rapport:guest:${c.slug}`)).to.equal(null);
    const edit = await waitFor(() => byText(threadText(widget), 'button', 'Edit'), 'Edit, now as the customer');
    edit.click();
    const editor = await waitFor(() => find(threadText(widget), 'input, textarea'), 'the editor');
    type(editor, 'Posted as a guest, then signed in');
    byText(threadText(widget), 'button', 'Save')?.click();
    await waitFor(
      () => find(widget, 'rapport-thread-view >> h2')?.textContent === 'Posted as a guest, then signed in',
      'the saved title',
    );
  });

  it('keeps the guest posts apart when the customer says so, and does not ask again', async () => {
    const c = await newCommunity();
    const guest = await server<string>('guest-token', { slug: c.slug, name: 'Gina' });
    await server('post', { slug: c.slug, as: 'Gina', title: 'Gina’s idea' });
    localStorage.setItem(`rapport:guest:${c.slug}`, guest);
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'gina-account', name: 'Gina Signed' });
    const widget = await mount(c, { 'sso-token': token });
    await waitFor(() => inNotice(widget, 'p', /as the guest “Gina”/), 'the offer');
    inNotice(widget, 'button', 'Keep it separate')?.click();
    await waitFor(() => noticeText(widget).includes('Your guest posts stay under the name “Gina”.'), 'what happened');
    expect(localStorage.getItem(`rapport:guest:${c.slug}`)).to.equal(null);
    widget.remove();
    const again = await mount(c, { 'sso-token': token });
    await new Promise((r) => setTimeout(r, 300));
    expect(notice(again)).to.equal(undefined);
  });

  it('tells a customer their sign-in ended, asks the page for a new one, and keeps their reply', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Long conversation' });
    // The server allows 60 seconds of clock skew: this token stops working four seconds from now
    // (time enough to mount on a loaded machine: with one second, the first answers came too late).
    const issued = Date.now();
    const short = await server<string>('sso-token', { slug: c.slug, sub: 'ella', name: 'Ella', expiresIn: -56 });
    const widget = await mount(c, { 'sso-token': short });
    let asked = 0;
    widget.addEventListener('rapport-session-expired', () => asked++);
    await openThread(widget, 'Long conversation');
    const form = await waitFor(() => find(widget, 'rapport-reply-form'), 'the reply form');
    type(find(form, 'textarea'), 'A reply I took a while to write');
    await new Promise((r) => setTimeout(r, Math.max(0, issued + 4500 - Date.now())));
    byText(form, 'button', 'Reply')?.click();
    await waitFor(() => noticeText(widget).includes('Your sign-in has ended'), 'the notice');
    expect(asked).to.be.greaterThan(0);
    // Not silently a guest: no guest name is asked for, and the text is still there.
    expect(find(widget, 'rapport-guest-dialog >> dialog[open]')).to.equal(undefined);
    expect((find(form, 'textarea') as HTMLTextAreaElement).value).to.equal('A reply I took a while to write');

    // The page signs the customer in again: the notice goes, and the reply is sent.
    widget.setAttribute('sso-token', await server<string>('sso-token', { slug: c.slug, sub: 'ella', name: 'Ella' }));
    await waitFor(() => !noticeText(widget).includes('Your sign-in has ended'), 'the notice to go');
    byText(form, 'button', 'Reply')?.click();
    await waitFor(
      () =>
        deepText(find(widget, 'rapport-thread-view') as Element).includes('A reply I took a while to write') &&
        (find(form, 'textarea') as HTMLTextAreaElement).value === '',
      'the reply, sent',
    );
  });
});
