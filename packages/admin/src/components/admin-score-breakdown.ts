import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { BREAKDOWN, FLAG_AMBASSADOR } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface Contribution {
  activityType: string;
  component: 'LOVE' | 'REACH' | 'SENTIMENT';
  value: number;
  at: string;
  thread: { id: string; title: string } | null;
}

interface BreakdownData {
  community: {
    member: {
      id: string;
      displayName: string;
      isAmbassador: boolean;
      standing: {
        rank: number;
        breakdown: {
          love: number;
          reach: number;
          sentiment: number;
          score: number;
          settings: { halfLifeDays: number; score: { love: number; reach: number; sentiment: number } };
          contributions: Contribution[];
        };
      } | null;
    } | null;
  } | null;
}

/** Contributions of one kind on one thread, shown once: a thread with ten votes is one line. */
interface Group extends Contribution {
  times: number;
}

function grouped(contributions: Contribution[]): Group[] {
  const groups = new Map<string, Group>();
  for (const c of contributions) {
    const key = `${c.thread?.id ?? ''}\n${c.component}\n${c.activityType}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { ...c, times: 1 });
    else {
      // Love and reach add up; sentiment is each text's own, so the group shows their average.
      group.value =
        c.component === 'SENTIMENT' ? (group.value * group.times + c.value) / (group.times + 1) : group.value + c.value;
      group.times += 1;
      if (c.at > group.at) group.at = c.at;
    }
  }
  const weight = (g: Group) => (g.component === 'SENTIMENT' ? Math.abs(g.value) : g.value);
  return [...groups.values()].sort((a, b) => weight(b) - weight(a));
}

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, signDisplay: 'always' });

/**
 * Why a member ranks where they do: love, reach and sentiment, the formula with the community's
 * weights, and the activities that count most today. Managers flag or unflag the member here.
 */
export class AdminScoreBreakdown extends LitElement {
  static override properties = {
    app: { attribute: false },
    memberId: { attribute: false },
    done: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2em 0.8em;
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      ol {
        padding-inline-start: 1.2em;
      }
      li {
        margin-bottom: 0.3em;
      }
    `,
  ];

  declare app: AdminApp;
  declare memberId: string;
  done = '';

  readonly #breakdown = new QueryController<BreakdownData, { community: string; id: string }>(this, BREAKDOWN, () => ({
    community: this.app.community,
    id: this.memberId,
  }));

  #flag(member: { id: string; displayName: string; isAmbassador: boolean }) {
    const flag = !member.isAmbassador;
    const action = async (reason: string): Promise<Problem | undefined> => {
      const outcome = await mutate(this.app, FLAG_AMBASSADOR, { id: member.id, reason, flag });
      if (outcome.problem) return outcome.problem;
      this.done = flag ? strings.flagged(member.displayName) : strings.unflagged(member.displayName);
      void this.#breakdown.refresh();
      this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
      return undefined;
    };
    return html`<admin-reason-action label=${flag ? strings.flag : strings.unflag} .action=${action}></admin-reason-action>`;
  }

  #contribution(c: Group) {
    const s = strings;
    const what = s.activities[c.activityType] ?? c.activityType;
    return html`<li>
      <strong>${c.component === 'SENTIMENT' ? signed.format(c.value) : `+${number.format(c.value)}`}</strong>
      ${s.components[c.component]} · ${what}${c.times > 1 ? html` <span class="muted">${s.times(c.times)}</span>` : nothing}
      ${c.thread ? html` · <a href="/admin/threads/${encodeURIComponent(c.thread.id)}">${c.thread.title}</a>` : nothing}
      <span class="muted">${timeAgo(c.at)}</span>
    </li>`;
  }

  override render() {
    const s = strings;
    return this.#breakdown.render((data) => {
      const member = data.community?.member;
      if (!member) return html`<p class="panel" role="alert">${s.memberMissing}</p>`;
      const standing = member.standing;
      return html`<section class="panel" aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">${s.breakdownTitle(member.displayName)}</h2>
        ${
          standing
            ? html`<dl>
                <dt>${s.rank}</dt><dd>${standing.rank}</dd>
                <dt>${s.score}</dt><dd>${number.format(standing.breakdown.score)}</dd>
                <dt>${s.love}</dt><dd>${number.format(standing.breakdown.love)}</dd>
                <dt>${s.reach}</dt><dd>${number.format(standing.breakdown.reach)}</dd>
                <dt>${s.sentiment}</dt><dd>${signed.format(standing.breakdown.sentiment)} (${s.feeling(standing.breakdown.sentiment)})</dd>
              </dl>
              <p class="muted">${s.formula(standing.breakdown.settings.score.love, standing.breakdown.settings.score.reach, standing.breakdown.settings.score.sentiment)}.
                ${s.halfLife(standing.breakdown.settings.halfLifeDays)}</p>
              <h3>${s.contributionsTitle}</h3>
              <ol>${grouped(standing.breakdown.contributions).map((c) => this.#contribution(c))}</ol>`
            : html`<p class="muted">${s.noStanding}</p>`
        }
        <p><a href="/admin/members/${encodeURIComponent(member.id)}">${s.relationship}</a></p>
        ${this.app.isManager ? html`<div class="row">${this.#flag(member)}</div>` : nothing}
        <p class="ok" role="status">${this.done}</p>
      </section>`;
    });
  }
}
