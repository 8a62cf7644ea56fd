import { expect, it } from 'vitest';
import type { StaffMember } from '../entities/index.ts';
import { mentionedStaff } from './mentions.ts';

const staff = (name: string) => ({ name }) as StaffMember;
const team = [staff('Sam Ortiz'), staff('Sam Lee'), staff('Dana Whitfield'), staff('Åsa Berg')];
const names = (text: string) => mentionedStaff(text, team).map((s) => s.name);

it('finds staff by full name, and by a first name only one of them has', () => {
  expect(names('@Dana can you check?')).toEqual(['Dana Whitfield']);
  expect(names('Thanks @sam ortiz and @Åsa!')).toEqual(['Sam Ortiz', 'Åsa Berg']);
});

it('ignores ambiguous first names, e-mail addresses and unknown names', () => {
  expect(names('@Sam please')).toEqual([]);
  expect(names('write to dana@acme.example')).toEqual([]);
  expect(names('@Nobody here')).toEqual([]);
});
