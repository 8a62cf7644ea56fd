import { AppError } from '../core/errors.ts';
import { builder } from './builder.ts';

builder.queryType({ description: 'Start from `community(slug:)` or `viewer`.' });
builder.mutationType({});
builder.subscriptionType({});

builder.scalarType('JSON', {
  description: 'A JSON value (audit records: the state before and after).',
  serialize: (value) => value,
  parseValue: () => {
    throw new AppError('BAD_USER_INPUT', { forDevelopers: 'JSON is an output type only.' });
  },
});

builder.scalarType('JSONObject', {
  description: 'A JSON object given as input (member attributes); what it may hold is checked where it is used.',
  serialize: () => {
    throw new Error('JSONObject is an input type only.');
  },
  parseValue: (value) => value,
});

builder.scalarType('FormattedText', {
  description:
    'Text as written, read as a safe Markdown subset and sent as a tree (paragraphs, emphasis, links, lists, code, quotes) that clients draw as elements, never as HTML: see packages/shared/src/formatted-text.ts.',
  serialize: (value) => value,
  parseValue: () => {
    throw new AppError('BAD_USER_INPUT', { forDevelopers: 'FormattedText is an output type only.' });
  },
});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime()))
      throw new AppError('BAD_USER_INPUT', { forDevelopers: 'Expected an ISO 8601 date-time.' });
    return date;
  },
});
