import { expect } from 'chai';
import { byText, cleanup, find, listedTitles, mount, newCommunity, server, type, waitFor } from '../testing/harness.ts';

describe('<rapport-post-form>', () => {
  afterEach(cleanup);

  it('posts an idea as an SSO customer, then opens it and lists it', async () => {
    const c = await newCommunity();
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'brand-user-1', name: 'Sol Customer' });
    const widget = await mount(c, { 'sso-token': token });
    expect(find(widget, 'header')?.textContent).to.contain('Posting as Sol Customer');
    byText(widget, 'button', 'New post')?.click();
    const form = await waitFor(() => find(widget, 'rapport-post-form'), 'the form');
    byText(form, 'label.kind', 'Question')?.querySelector('input')?.click();
    type(find(form, 'input#title'), 'Can I change my order?');
    type(find(form, 'textarea#body'), 'I ordered the wrong size.');
    byText(form, 'button', 'Post')?.click();
    const heading = await waitFor(() => find(widget, 'rapport-thread-view >> h2'), 'the new thread');
    expect(heading.textContent).to.equal('Can I change my order?');
    await waitFor(() => find(widget, 'rapport-thread-view >> .meta')?.textContent?.includes('Question'), 'its kind');
    expect(find(widget, 'rapport-thread-view >> [part=author]')?.textContent).to.contain('Sol Customer');
    byText(widget, 'rapport-thread-view >> button', 'Back to all posts')?.click();
    await waitFor(() => listedTitles(widget).includes('Can I change my order?'), 'the list to have it');
  });

  it('shows the limits as one types and refuses what is too short or too long, in place', async () => {
    const c = await newCommunity();
    const widget = await mount(c);
    byText(widget, 'button', 'New post')?.click();
    const form = await waitFor(() => find(widget, 'rapport-post-form'), 'the form');
    type(find(form, 'input#title'), 'ab');
    await waitFor(() => find(form, '#title-count')?.textContent === '2 / 140', 'the title count');
    byText(form, 'button', 'Post')?.click();
    const error = await waitFor(() => find(form, '#title-error'), 'the title error');
    expect(error.textContent).to.equal('Title needs at least 3 characters.');
    expect(find(form, 'input#title')?.getAttribute('aria-invalid')).to.equal('true');
    expect(find(form, 'input#title')?.getAttribute('aria-describedby')).to.contain('title-error');
    type(find(form, 'input#title'), 't'.repeat(141));
    await waitFor(() => find(form, '#title-count.over'), 'the over-limit count');
    // Nothing was sent: no guest prompt appeared for an invalid form.
    expect(find(widget, 'rapport-guest-dialog >> dialog[open]')).to.equal(undefined);
  });

  it("shows the server's own error next to the field it names", async () => {
    const c = await newCommunity();
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'u2', name: 'Una' });
    const widget = await mount(c, { 'sso-token': token });
    byText(widget, 'button', 'New post')?.click();
    const form = await waitFor(() => find(widget, 'rapport-post-form'), 'the form');
    // The widget counts characters like the server, but only the server refuses control characters.
    type(find(form, 'input#title'), 'Bell \u0007 in the title');
    byText(form, 'button', 'Post')?.click();
    const error = await waitFor(() => find(form, '#title-error'), 'the server error');
    expect(error.textContent).to.contain('not allowed');
  });

  it('links a post already made to it, instead of only refusing the duplicate', async () => {
    const c = await newCommunity();
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'twice', name: 'Tess Twice' });
    const widget = await mount(c, { 'sso-token': token });
    for (let i = 0; i < 2; i++) {
      byText(widget, 'button', 'New post')?.click();
      const form = await waitFor(() => find(widget, 'rapport-post-form'), 'the form');
      type(find(form, 'input#title'), 'Export to CSV please');
      byText(form, 'button', 'Post')?.click();
      if (i === 0) {
        await waitFor(
          () => find(widget, 'rapport-thread-view >> h2')?.textContent === 'Export to CSV please',
          'the post',
        );
        byText(widget, 'rapport-thread-view >> button', 'Back to all posts')?.click();
        await waitFor(() => find(widget, 'rapport-thread-list')?.hidden === false, 'the list');
      }
    }
    const form = find(widget, 'rapport-post-form') as Element;
    await waitFor(() => find(form, '#title-error')?.textContent?.includes('already posted'), 'the refusal');
    byText(form, 'button', 'Open your earlier post')?.click();
    await waitFor(
      () => find(widget, 'rapport-thread-view >> h2')?.textContent === 'Export to CSV please',
      'the earlier post',
    );
  });
});
