import type { TextRule } from '@rapport/shared/limits.ts';
import { lengthProblem as check, type FieldOptions, textField as field } from '@rapport/shared/ui/field.ts';
import { fieldLabels } from '../i18n/labels.ts';

export { fieldStyles } from '@rapport/shared/ui/field-styles.ts';

/** The shared text field, in the widget's words. */
export const textField = (options: FieldOptions) => field(options, fieldLabels());
export const lengthProblem = (value: string, rule: TextRule, label: string) => check(value, rule, label, fieldLabels());
