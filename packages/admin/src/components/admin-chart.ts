import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateOnly } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, type PropertyValues } from 'lit';
import uPlot from 'uplot';
import { currentLocale, formatNumber } from '../i18n/localize.ts';
import { axisStyle, chartFigureStyles, uplotStyles } from './chart-styles.ts';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** A CSS colour; defaults follow the theme. */
  color?: string;
}

const PALETTE = ['#2457c5', '#c2571a', '#1d6b3a', '#8a3ab9'];

const plainNumber = (value: number, decimals: number) => formatNumber(value, { maximumFractionDigits: decimals });

/** A bucket's day (buckets start at midnight UTC), at noon local time so no time zone moves it. */
const dayOf = (seconds: number) =>
  dateOnly(`${new Date(seconds * 1000).toISOString().slice(0, 10)}T12:00:00`, currentLocale());

/**
 * A line chart over time (uPlot, drawn on a canvas). The numbers it shows are also in a table on
 * the page, so the chart itself is a picture with a caption for screen readers.
 */
export class AdminChart extends LitElement {
  static override properties = {
    label: { type: String },
    times: { attribute: false },
    series: { attribute: false },
    max: { type: Number },
    format: { attribute: false },
  };

  static override styles = [
    theme,
    uplotStyles,
    chartFigureStyles,
    css`
      .chart {
        min-height: 220px;
      }
    `,
  ];

  label = '';
  /** Start of each bucket, in milliseconds. */
  times: number[] = [];
  series: ChartSeries[] = [];
  /** Upper end of the y axis, when it has one (a share: 1). */
  max: number | undefined;
  /**
   * How a value on the y axis reads ("12 min"), given the step between ticks (for as many decimals
   * as tell the ticks apart); by default a plain number.
   */
  format: ((value: number, decimals: number) => string) | undefined;
  /** The y axis' labels as last drawn (the canvas has no text to read back). */
  yTicks: string[] = [];
  #plot: uPlot | undefined;
  #resize = new ResizeObserver(() => this.#fit());

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#plot?.destroy();
    this.#plot = undefined;
  }

  #fit(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (this.#plot && box) this.#plot.setSize({ width: Math.max(200, box.clientWidth), height: 220 });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('times') && !changed.has('series') && !changed.has('format')) return;
    const box = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (!box) return;
    this.#plot?.destroy();
    const text = getComputedStyle(box).color;
    const axis = axisStyle(text);
    this.#plot = new uPlot(
      {
        width: Math.max(200, box.clientWidth),
        height: 220,
        scales: { x: { time: true }, y: this.max === undefined ? {} : { range: [0, this.max] } },
        axes: [
          {
            ...axis,
            // The month in words, in the console's language (uPlot's own ticks are English or all digits).
            values: (_u: uPlot, splits: number[]) =>
              splits.map((s) =>
                new Intl.DateTimeFormat(currentLocale(), { month: 'short', day: 'numeric' }).format(new Date(s * 1000)),
              ),
          },
          {
            ...axis,
            values: (_u: uPlot, splits: number[]) => {
              const step = splits.length > 1 ? Math.abs((splits[1] as number) - (splits[0] as number)) : 1;
              const decimals = step > 0 ? Math.min(6, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9))) : 0;
              this.yTicks = splits.map((v) => (this.format ?? plainNumber)(v, decimals));
              return this.yTicks;
            },
          },
        ],
        series: [
          {
            label: msg('Date', { desc: "The day a chart's values are for" }),
            value: (_u: uPlot, v: number | null) => (v == null ? '—' : dayOf(v)),
          },
          ...this.series.map((s, i) => ({
            label: s.label,
            stroke: s.color ?? PALETTE[i % PALETTE.length],
            width: 2,
            spanGaps: false,
            points: { show: this.times.length < 60 },
          })),
        ],
      },
      [this.times.map((t) => t / 1000), ...this.series.map((s) => s.values)] as uPlot.AlignedData,
      box,
    );
    box.querySelector('.u-wrap')?.setAttribute('aria-hidden', 'true');
    this.#resize.observe(box);
  }

  override render() {
    return html`<figure aria-label=${this.label}><figcaption>${this.label}</figcaption><div class="chart"></div></figure>`;
  }
}
