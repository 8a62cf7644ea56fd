/** The guest name prompt, loaded the first time an anonymous visitor acts. */
import { GuestDialog } from '../components/guest-dialog.ts';
import { define } from '../define.ts';

define([['rapport-guest-dialog', GuestDialog]]);
