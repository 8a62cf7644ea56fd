import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, type PropertyValues } from 'lit';
import uPlot from 'uplot';
import { formatNumber } from '../i18n/localize.ts';
import { axisStyle, chartFigureStyles, uplotStyles } from './chart-styles.ts';

/**
 * Bars, one per category (a poll's choices), drawn by uPlot like the console's other charts. The
 * numbers are also in a table beside it, so the chart is a picture with a caption.
 */
export class AdminBarChart extends LitElement {
  static override properties = {
    label: { type: String },
    categories: { attribute: false },
    values: { attribute: false },
  };

  static override styles = [
    theme,
    uplotStyles,
    chartFigureStyles,
    css`
      .chart {
        min-height: 200px;
      }
    `,
  ];

  label = '';
  categories: string[] = [];
  values: number[] = [];
  #plot: uPlot | undefined;
  #resize = new ResizeObserver(() => this.#fit());

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#plot?.destroy();
    this.#plot = undefined;
  }

  #fit(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (this.#plot && box) this.#plot.setSize({ width: Math.max(200, box.clientWidth), height: 200 });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('categories') && !changed.has('values')) return;
    const box = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (!box) return;
    this.#plot?.destroy();
    const text = getComputedStyle(box).color;
    const accent = getComputedStyle(this).getPropertyValue('--_accent').trim() || '#2457c5';
    const axis = axisStyle(text);
    const last = Math.max(0, this.categories.length - 1);
    this.#plot = new uPlot(
      {
        width: Math.max(200, box.clientWidth),
        height: 200,
        legend: { show: false },
        cursor: { show: false },
        // Half a bar's room either side of the first and last: the bars stand apart from the axes.
        scales: {
          x: { time: false, range: [-0.5, last + 0.5] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          {
            ...axis,
            splits: () => this.categories.map((_, i) => i),
            values: (_u: uPlot, splits: number[]) => splits.map((i) => this.categories[i] ?? ''),
          },
          {
            ...axis,
            values: (_u: uPlot, splits: number[]) => splits.map((v) => (Number.isInteger(v) ? formatNumber(v) : '')),
          },
        ],
        series: [
          {},
          {
            label: this.label,
            fill: accent,
            stroke: accent,
            paths: uPlot.paths.bars?.({ size: [0.6, 80] }),
            points: { show: false },
          },
        ],
      },
      [this.categories.map((_, i) => i), this.values] as uPlot.AlignedData,
      box,
    );
    box.querySelector('.u-wrap')?.setAttribute('aria-hidden', 'true');
    this.#resize.observe(box);
  }

  override render() {
    return html`<figure aria-label=${this.label}><figcaption>${this.label}</figcaption><div class="chart"></div></figure>`;
  }
}
