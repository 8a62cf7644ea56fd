/**
 * A thread's page, loaded when a thread is first opened: the view and what only it uses (replying,
 * editing, sharing, reporting). The list does not need them, so the page embedding the widget
 * does not pay for them until someone opens a thread.
 */

import { EditableText } from '../components/editable-text.ts';
import { ReplyForm } from '../components/reply-form.ts';
import { ReportButton } from '../components/report-button.ts';
import { ShareButton } from '../components/share-button.ts';
import { ThreadView } from '../components/thread-view.ts';
import { define } from '../define.ts';

define([
  ['rapport-thread-view', ThreadView],
  ['rapport-reply-form', ReplyForm],
  ['rapport-report', ReportButton],
  ['rapport-share', ShareButton],
  ['rapport-editable-text', EditableText],
]);
