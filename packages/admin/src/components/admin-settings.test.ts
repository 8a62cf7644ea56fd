import '@rapport/widget/src/index.ts';
import { expect } from 'chai';
import {
  byText,
  cleanup,
  deepText,
  find,
  findAll,
  graphql,
  mountAdmin,
  newCommunity,
  server,
  signIn,
  type,
  waitFor,
} from '../testing/harness.ts';

async function openSettings() {
  const community = await newCommunity();
  await signIn(community, 'manager');
  const admin = await mountAdmin('/admin/settings');
  await waitFor(() => find(admin, 'admin-settings >> #community-name'), 'the settings');
  return { community, admin };
}

describe('<admin-settings>', () => {
  afterEach(cleanup);

  it('renames the community', async () => {
    const { admin, community } = await openSettings();
    type(find(admin, 'admin-settings >> #community-name'), 'Renamed Brand');
    byText(admin, 'admin-settings >> form[aria-labelledby=name-title] button', 'Save')?.click();
    await waitFor(
      () => deepText(find(admin, 'admin-settings >> form[aria-labelledby=name-title]')!).includes('Saved'),
      'saved',
    );
    const data = await graphql('query ($s: String!) { community(slug: $s) { name } }', { s: community.slug });
    expect(data.community.name).to.equal('Renamed Brand');
  });

  it('sets the embed origins, and explains a bad one next to the field', async () => {
    const { admin, community } = await openSettings();
    type(find(admin, 'admin-settings >> #origins'), 'https://shop.brand.example\nnot a url');
    byText(admin, 'admin-settings >> form[aria-labelledby=origins-title] button', 'Save')?.click();
    const problem = await waitFor(
      () => find(admin, 'admin-settings >> #origins-problem')?.textContent?.trim(),
      'the problem',
    );
    expect(problem).to.contain('not a url');
    expect(find(admin, 'admin-settings >> #origins')?.getAttribute('aria-invalid')).to.equal('true');
    type(find(admin, 'admin-settings >> #origins'), 'https://shop.brand.example\nhttps://www.brand.example');
    byText(admin, 'admin-settings >> form[aria-labelledby=origins-title] button', 'Save')?.click();
    await waitFor(
      () => find(admin, 'admin-settings >> #origins')?.getAttribute('aria-invalid') === 'false',
      'accepted',
    );
    const data = await graphql('query ($s: String!) { community(slug: $s) { allowedOrigins } }', { s: community.slug });
    expect(data.community.allowedOrigins).to.deep.equal(['https://shop.brand.example', 'https://www.brand.example']);
  });

  it('rotates the SSO key, shows the new secret once, and retires the old key', async () => {
    const { admin } = await openSettings();
    const keys = () =>
      findAll(admin, 'admin-settings >> section[aria-labelledby=keys-title] li code').map((c) => c.textContent);
    await waitFor(() => keys().length === 1, 'the current key');
    const [old] = keys();
    byText(admin, 'admin-settings >> button', 'Create a new key')?.click();
    const secret = await waitFor(() => find(admin, 'admin-settings >> code.secret')?.textContent, 'the new secret');
    expect(secret).to.have.length.greaterThan(20);
    await waitFor(() => keys().length === 2, 'both keys');
    find(admin, `admin-settings >> button[aria-label="Retire key ${old}"]`)?.click();
    await waitFor(() => keys().length === 1 && keys()[0] !== old, 'the old key retired');
  });

  it('previews the theme live in the real widget, refuses unsafe values next to them, and saves', async () => {
    const { admin, community } = await openSettings();
    const preview = await waitFor(() => find(admin, 'admin-theme-editor >> rapport-community'), 'the preview widget');
    preview.scrollIntoView();
    await waitFor(() => deepText(preview).includes(community.brand), 'the widget to show the community');
    type(find(admin, 'admin-theme-editor >> [id="theme--rapport-accent"]'), '#0a6e46');
    await waitFor(
      () => preview.style.getPropertyValue('--rapport-accent') === '#0a6e46',
      'the preview to use the accent',
    );
    const button = find(preview, 'button.primary')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(10, 110, 70)');

    type(find(admin, 'admin-theme-editor >> [id="theme--rapport-bg"]'), 'red; } body { display: none');
    expect(preview.style.getPropertyValue('--rapport-bg'), 'unsafe values stay out of the preview').to.equal('#ffffff');
    byText(admin, 'admin-theme-editor >> button', 'Save theme')?.click();
    const error = await waitFor(
      () => find(admin, 'admin-theme-editor >> [id="theme--rapport-bg-error"]'),
      'the error by the field',
    );
    expect(error.textContent).to.contain('not a plain CSS value');
    expect(find(admin, 'admin-theme-editor >> [id="theme--rapport-bg"]')?.getAttribute('aria-invalid')).to.equal(
      'true',
    );

    type(find(admin, 'admin-theme-editor >> [id="theme--rapport-bg"]'), '');
    byText(admin, 'admin-theme-editor >> button', 'Save theme')?.click();
    await waitFor(
      () => find(admin, 'admin-theme-editor >> [role=status]')?.textContent?.includes('Theme saved'),
      'saved',
    );
    const data = await graphql('query ($s: String!) { community(slug: $s) { theme { property value } } }', {
      s: community.slug,
    });
    expect(data.community.theme).to.deep.equal([{ property: '--rapport-accent', value: '#0a6e46' }]);
  });

  it('previews both schemes, derives a readable dark accent, and flags unreadable text as it is typed', async () => {
    const { admin } = await openSettings();
    const dark = await waitFor(
      () => find(admin, 'admin-theme-editor >> rapport-community[data-scheme="dark"]'),
      'the dark preview',
    );
    type(find(admin, 'admin-theme-editor >> [id="theme--rapport-accent"]'), '#0a6e46');
    // The dark preview shows the dark scheme whatever this computer's setting, with a lighter green.
    await waitFor(() => dark.style.getPropertyValue('--rapport-bg') === '#16181c', 'the dark background');
    const accent = dark.style.getPropertyValue('--rapport-accent');
    expect(accent).to.match(/^#[0-9a-f]{6}$/);
    expect(accent).not.to.equal('#0a6e46');
    expect(
      find(admin, 'admin-theme-editor >> [id="theme--rapport-accent-dark"]')?.getAttribute('placeholder'),
    ).to.equal(`derived: ${accent}`);

    type(find(admin, 'admin-theme-editor >> [id="theme--rapport-bg-dark"]'), '#f0f0f0');
    const error = await waitFor(
      () => find(admin, 'admin-theme-editor >> [id="theme--rapport-bg-dark-error"]'),
      'the contrast problem by the field',
    );
    expect(error.textContent).to.match(/in dark mode reaches \d+(\.\d+)?:1; at least 4\.5:1/);
    byText(admin, 'admin-theme-editor >> button', 'Save theme')?.click();
    await waitFor(
      () =>
        find(admin, 'admin-theme-editor >> [id="theme--rapport-bg-dark-error"]')?.textContent?.includes('dark mode'),
      "the server's refusal",
    );
    expect(find(admin, 'admin-theme-editor >> [role=status]')?.textContent).not.to.contain('Theme saved');
  });

  it('shows the exact embed code for this community', async () => {
    const { admin, community } = await openSettings();
    const snippet = await waitFor(() => find(admin, 'admin-settings >> code.snippet')?.textContent, 'the snippet');
    expect(snippet).to.equal(
      `<script type="module" src="${location.origin}/widget.js"></script>\n` +
        `<rapport-community community="${community.slug}" endpoint="${location.origin}/graphql"></rapport-community>`,
    );
  });
});

describe('<admin-webhooks>', () => {
  afterEach(cleanup);

  it('adds a webhook (secret shown once), logs its deliveries, turns it off and removes it', async () => {
    const { admin, community } = await openSettings();
    const hooks = () => deepText(find(admin, 'admin-webhooks')!);
    await waitFor(() => hooks().includes('No webhooks yet.'), 'the empty list');
    type(find(admin, 'admin-webhooks >> #webhook-url'), 'not a url');
    byText(admin, 'admin-webhooks >> form button', 'Add webhook')?.click();
    await waitFor(
      () => find(admin, 'admin-webhooks >> #webhook-problem')?.textContent?.includes('http'),
      'the problem',
    );
    expect(find(admin, 'admin-webhooks >> #webhook-url')?.getAttribute('aria-invalid')).to.equal('true');

    type(find(admin, 'admin-webhooks >> #webhook-url'), 'http://127.0.0.1:9/hooks');
    byText(admin, 'admin-webhooks >> form button', 'Add webhook')?.click();
    const secret = await waitFor(() => find(admin, 'admin-webhooks >> code.webhook-secret')?.textContent, 'the secret');
    expect(secret).to.match(/^whsec_/);
    await waitFor(() => hooks().includes('http://127.0.0.1:9/hooks'), 'the webhook listed');
    expect(hooks()).to.contain('New thread, New reply, Status changed');

    // A new thread is written to the delivery log in its own transaction (the endpoint refuses).
    await server('post', { slug: community.slug, title: 'Hooked idea', as: 'Hana' });
    byText(admin, 'admin-webhooks >> button', 'Turn off')?.click();
    await waitFor(() => hooks().includes('Turned off'), 'turned off');
    expect(hooks()).to.match(/New thread: (pending|failed)/);
    byText(admin, 'admin-webhooks >> button', 'Remove')?.click();
    await waitFor(() => hooks().includes('No webhooks yet.'), 'removed');
    expect(findAll(admin, 'admin-webhooks >> section.hook')).to.have.length(0);
  });
});

describe('<admin-webhooks> as alerts', () => {
  afterEach(cleanup);

  it('sends a team’s Slack alerts when an idea passes the number of votes chosen', async () => {
    const { admin } = await openSettings();
    const hooks = () => deepText(find(admin, 'admin-webhooks')!);
    await waitFor(() => hooks().includes('No webhooks yet.'), 'the empty list');
    type(find(admin, 'admin-webhooks >> #webhook-url'), 'http://127.0.0.1:9/slack');
    const format = find(admin, 'admin-webhooks >> #webhook-format') as HTMLSelectElement;
    format.value = 'SLACK';
    format.dispatchEvent(new Event('change'));
    for (const label of ['New thread', 'New reply', 'Status changed', 'An idea passes a number of votes']) {
      byText(admin, 'admin-webhooks >> fieldset label', label)?.querySelector('input')?.click();
    }
    const votes = await waitFor(() => find(admin, 'admin-webhooks >> #webhook-votes'), 'the number of votes');
    type(votes, '0');
    byText(admin, 'admin-webhooks >> form button', 'Add webhook')?.click();
    await waitFor(
      () => find(admin, 'admin-webhooks >> #webhook-votes')?.getAttribute('aria-invalid') === 'true',
      'refused',
    );
    expect(find(admin, 'admin-webhooks >> #webhook-problem')?.textContent).to.contain('whole number');
    type(find(admin, 'admin-webhooks >> #webhook-votes'), '5');
    byText(admin, 'admin-webhooks >> form button', 'Add webhook')?.click();
    await waitFor(() => hooks().includes('http://127.0.0.1:9/slack'), 'the webhook listed');
    expect(hooks()).to.contain('Slack alerts').and.contain('An idea passes 5 votes');
    expect(hooks()).to.not.contain('New thread,');
  });
});

describe('<admin-api-keys>', () => {
  afterEach(cleanup);

  it('makes a key for the brand’s servers (shown once), shows its use, and revokes it', async () => {
    const { admin } = await openSettings();
    const keys = () => deepText(find(admin, 'admin-api-keys')!);
    await waitFor(() => keys().includes('No API keys yet.'), 'the empty list');
    byText(admin, 'admin-api-keys >> form button', 'Make an API key')?.click();
    await waitFor(() => find(admin, 'admin-api-keys >> #api-key-problem')?.textContent?.trim(), 'the problem');
    expect(find(admin, 'admin-api-keys >> #api-key-name')?.getAttribute('aria-invalid')).to.equal('true');

    type(find(admin, 'admin-api-keys >> #api-key-name'), 'CRM sync');
    byText(admin, 'admin-api-keys >> form label', 'Write members and their attributes')
      ?.querySelector('input')
      ?.click();
    byText(admin, 'admin-api-keys >> form button', 'Make an API key')?.click();
    const key = await waitFor(() => find(admin, 'admin-api-keys >> code.api-key')?.textContent, 'the key');
    expect(key).to.match(/^rk_/);
    await waitFor(() => keys().includes('CRM sync'), 'the key listed');
    expect(keys()).to.contain('Read members and the ranking, Write members and their attributes');
    expect(keys()).to.contain('never used');

    // The brand's server uses it: the console says when.
    await server('api-call', { key });
    const button = await waitFor(() => byText(admin, 'admin-api-keys >> button', 'Revoke'), 'the revoke button');
    button.click();
    await waitFor(() => keys().includes('Revoked'), 'revoked');
    expect(keys()).to.match(/last used/);
    expect(byText(admin, 'admin-api-keys >> button', 'Revoke')).to.equal(undefined);
  });
});
