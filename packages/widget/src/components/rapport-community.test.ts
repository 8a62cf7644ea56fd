import { contrastOf } from '@rapport/shared/testing/contrast.ts';
import { emulateMedia } from '@web/test-runner-commands';
import { expect } from 'chai';
import { byText, cleanup, find, listedTitles, mount, newCommunity, server, waitFor } from '../testing/harness.ts';

describe('<rapport-community>', () => {
  afterEach(cleanup);

  it('does nothing until it comes near the viewport', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Below the fold' });
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    const element = document.createElement('rapport-community');
    element.setAttribute('community', c.slug);
    element.setAttribute('endpoint', c.endpoint);
    document.body.append(element);
    await new Promise((r) => setTimeout(r, 500));
    expect(find(element, 'rapport-thread-list')).to.equal(undefined);
    element.scrollIntoView();
    await waitFor(() => listedTitles(element).length === 1, 'the list once visible');
    spacer.remove();
  });

  it('asks for the community and its first threads at once, not one after the other', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'First thread' });
    const realFetch = window.fetch;
    const sent: string[] = [];
    let communityAnswered = false;
    window.fetch = async (input, init) => {
      const name = /"operationName":"(\w+)"|(?:query|mutation) (\w+)/.exec(String(init?.body ?? ''));
      const operation = name?.[1] ?? name?.[2] ?? '';
      sent.push(`${operation}${communityAnswered ? ' (after the community)' : ''}`);
      const answer = await realFetch(input, init);
      if (operation !== 'WidgetCommunity') return answer;
      // The community's answer is slow: the list must not wait for it.
      await new Promise((r) => setTimeout(r, 400));
      communityAnswered = true;
      return answer;
    };
    try {
      const widget = await mount(c);
      await waitFor(() => listedTitles(widget).length === 1, 'the list');
      expect(sent).to.include('WidgetThreads');
      expect(sent).to.include('WidgetCommunity');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('sends both first requests the moment it is added in view, the list sharing its answer', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Straight away' });
    const realFetch = window.fetch;
    const sent: string[] = [];
    window.fetch = (input, init) => {
      sent.push(/(?:query|mutation) (\w+)/.exec(String(init?.body ?? ''))?.[1] ?? '');
      return realFetch(input, init);
    };
    const element = document.createElement('rapport-community');
    element.setAttribute('community', c.slug);
    element.setAttribute('endpoint', c.endpoint);
    document.body.append(element);
    // At once: not after an observer's first answer, nor once the list is drawn.
    await Promise.resolve();
    expect([...sent].sort()).to.deep.equal(['WidgetCommunity', 'WidgetThreads']);
    await waitFor(() => listedTitles(element).length === 1, 'the list');
    expect(sent.filter((operation) => operation === 'WidgetThreads')).to.have.length(1);
  });

  it('does not start when the page takes it away in the task that added it', async () => {
    const c = await newCommunity();
    const realFetch = window.fetch;
    const sent: string[] = [];
    window.fetch = (input, init) => {
      sent.push(String(init?.body ?? ''));
      return realFetch(input, init);
    };
    const element = document.createElement('rapport-community');
    element.setAttribute('community', c.slug);
    element.setAttribute('endpoint', c.endpoint);
    document.body.append(element);
    element.remove();
    await new Promise((r) => setTimeout(r, 300));
    expect(sent).to.deep.equal([]);
  });

  it('drops a guest token the server no longer knows and keeps working', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Still readable' });
    localStorage.setItem(`rapport:guest:${c.slug}`, 'rg_from_an_old_database');
    const widget = await mount(c);
    await waitFor(() => listedTitles(widget).length === 1, 'the list');
    expect(localStorage.getItem(`rapport:guest:${c.slug}`)).to.equal(null);
  });

  it('follows a new sso-token from the page (customer signs in without a reload)', async () => {
    const c = await newCommunity();
    const widget = await mount(c);
    expect(find(widget, 'header')?.textContent).not.to.contain('Posting as');
    widget.setAttribute(
      'sso-token',
      await server<string>('sso-token', { slug: c.slug, sub: 'late', name: 'Lee Later' }),
    );
    await waitFor(() => find(widget, 'header')?.textContent?.includes('Posting as Lee Later'), 'the signed-in name');
  });

  it("shows the stored guest's own votes, not the customer's, when the page signs the customer out", async () => {
    const c = await newCommunity();
    localStorage.setItem(
      `rapport:guest:${c.slug}`,
      await server<string>('guest-token', { slug: c.slug, name: 'Gwen' }),
    );
    await server('post', { slug: c.slug, as: 'Gwen', title: 'Guest voted' });
    await server('post', { slug: c.slug, title: 'Customer voted' });
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'cus', name: 'Cus Tomer' });
    const widget = await mount(c, { 'sso-token': token });
    const vote = (title: string) => {
      const item = byText(widget, 'rapport-thread-list >> li', new RegExp(title));
      return (item && find(item, 'rapport-vote >> button')) as HTMLButtonElement;
    };
    await waitFor(() => vote('Customer voted'), 'the list');
    vote('Customer voted').click();
    await waitFor(
      () =>
        vote('Customer voted')?.getAttribute('aria-busy') === 'false' &&
        vote('Customer voted')?.getAttribute('aria-pressed') === 'true',
      'the customer vote',
    );
    widget.removeAttribute('sso-token');
    await waitFor(() => vote('Customer voted')?.getAttribute('aria-pressed') === 'false', "the customer's vote to go");
    vote('Guest voted').click();
    await waitFor(() => vote('Guest voted')?.getAttribute('aria-pressed') === 'true', 'the guest vote');
    expect(find(widget, 'header')?.textContent).not.to.contain('Cus Tomer');
  });

  it('says what is wrong when it is misconfigured', async () => {
    const c = await newCommunity();
    const missing = document.createElement('rapport-community');
    missing.setAttribute('community', c.slug);
    document.body.append(missing);
    await waitFor(() => find(missing, '[role=alert]')?.textContent?.includes('endpoint'), 'the attribute error');
    const unknown = document.createElement('rapport-community');
    unknown.setAttribute('community', 'no-such-community');
    unknown.setAttribute('endpoint', c.endpoint);
    // The server reads a slug it has not seen at most once a second (http/cors.ts), and it just
    // read them for `c`: the first request may be refused, and is tried again after a pause. Once
    // a read has found the slug missing, the list's request is granted with the community's.
    document.body.append(unknown);
    await waitFor(
      () => find(unknown, '[role=alert]')?.textContent?.includes('no-such-community'),
      'the unknown community',
      15_000,
    );
  });

  it("wears the brand's theme from the admin console, which CSS on the page can still override", async () => {
    const c = await newCommunity();
    await server('theme', { slug: c.slug, theme: { '--rapport-accent': '#0a6e46', '--rapport-radius': '2px' } });
    const widget = await mount(c);
    const button = find(widget, 'header button.primary') as HTMLElement;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(10, 110, 70)');
    expect(getComputedStyle(button).borderTopLeftRadius).to.equal('2px');
    widget.style.setProperty('--rapport-accent', 'rgb(200, 0, 0)');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(200, 0, 0)');
  });

  it('stays readable in dark mode with a dark brand colour: the accent is lightened for it', async () => {
    const c = await newCommunity();
    await server('theme', { slug: c.slug, theme: { '--rapport-accent': '#0a6e46' } });
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const widget = await mount(c);
      const button = find(widget, 'header button.primary') as HTMLElement;
      const style = getComputedStyle(button);
      expect(style.backgroundColor).not.to.equal('rgb(10, 110, 70)');
      // The walk-through measured 1.51:1 here.
      expect(contrastOf(style.color, style.backgroundColor)).to.be.at.least(4.5);
      const frame = find(widget, '.frame') as HTMLElement;
      expect(contrastOf(style.backgroundColor, getComputedStyle(frame).backgroundColor)).to.be.at.least(4.5);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});
