import { css } from 'lit';

// The parts of uPlot's stylesheet the chart needs (uPlot, MIT licence): a chart lives in a shadow
// root, where the page's stylesheets do not reach.
export const uplotStyles = css`
  .uplot {
    font-family: inherit;
    line-height: 1.5;
    width: min-content;
  }
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under {
    position: absolute;
  }
  .u-under {
    overflow: hidden;
  }
  .uplot canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
  .u-axis {
    position: absolute;
  }
  .u-legend {
    font-size: 0.85em;
    margin: 0.3em auto 0;
    text-align: center;
  }
  .u-legend.u-inline {
    display: block;
  }
  .u-legend.u-inline * {
    display: inline-block;
  }
  .u-legend.u-inline tr {
    margin-inline-end: 1em;
  }
  .u-legend th {
    font-weight: 600;
  }
  .u-legend th > * {
    vertical-align: middle;
    display: inline-block;
  }
  .u-legend .u-marker {
    width: 1em;
    height: 1em;
    margin-inline-end: 4px;
    background-clip: padding-box !important;
  }
  .u-inline.u-live th::after {
    content: ':';
    vertical-align: middle;
  }
  .u-inline:not(.u-live) .u-value {
    display: none;
  }
  .u-series > * {
    padding: 4px;
  }
  .u-series th {
    cursor: pointer;
  }
  .u-legend .u-off > * {
    opacity: 0.3;
  }
  .u-select {
    background: rgba(0, 0, 0, 0.07);
    position: absolute;
    pointer-events: none;
  }
  /* uPlot places these in the plot's own coordinates, left to right in every language. */
  .u-cursor-x,
  .u-cursor-y {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: none;
    will-change: transform;
  }
  .u-hz .u-cursor-x {
    height: 100%;
    border-right: 1px dashed #607d8b;
  }
  .u-cursor-pt {
    position: absolute;
    top: 0;
    left: 0;
    border-radius: 50%;
    border: 0 solid;
    pointer-events: none;
    will-change: transform;
    background-clip: padding-box !important;
  }
  .u-axis.u-off,
  .u-select.u-off,
  .u-cursor-x.u-off,
  .u-cursor-y.u-off,
  .u-cursor-pt.u-off {
    display: none;
  }
`;

/** A chart as a captioned figure, filling its column (admin-chart.ts, admin-bar-chart.ts). */
export const chartFigureStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  figure {
    margin: 0;
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 0.3em;
  }
  .chart {
    color: var(--_text);
  }
`;

/** uPlot's axis colours from the chart's text colour: the grid and ticks faint. */
export const axisStyle = (text: string) => ({
  stroke: text,
  grid: { stroke: 'rgba(127, 127, 127, 0.2)' },
  ticks: { stroke: 'rgba(127, 127, 127, 0.4)' },
});
