import type { TextRule } from '@rapport/shared/limits.ts';
import { lengthProblem as check, type FieldOptions, textField as field } from '@rapport/shared/ui/field.ts';
import { strings } from '../strings.ts';

export { fieldStyles } from '@rapport/shared/ui/field.ts';

/** The shared text field (the widget's, with its character count), in the console's words. */
export const textField = (options: FieldOptions) => field(options, strings);
export const lengthProblem = (value: string, rule: TextRule, label: string) => check(value, rule, label, strings);
