import { wcagContrast } from 'culori';

/** WCAG contrast of two CSS colours as getComputedStyle gives them, for tests in the browser. */
export const contrastOf = (a: string, b: string): number => wcagContrast(a, b);
