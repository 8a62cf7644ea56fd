import { EditableText } from './components/editable-text.ts';
import { GuestDialog } from './components/guest-dialog.ts';
import { PostForm } from './components/post-form.ts';
import { RapportCommunity } from './components/rapport-community.ts';
import { ReplyForm } from './components/reply-form.ts';
import { ReportButton } from './components/report-button.ts';
import { ShareButton } from './components/share-button.ts';
import { ThreadList } from './components/thread-list.ts';
import { ThreadView } from './components/thread-view.ts';
import { VoteButton } from './components/vote-button.ts';

/** The widget's elements. A page may load widget.js twice; the second load changes nothing. */
const elements: [string, CustomElementConstructor][] = [
  ['rapport-vote', VoteButton],
  ['rapport-thread-list', ThreadList],
  ['rapport-thread-view', ThreadView],
  ['rapport-reply-form', ReplyForm],
  ['rapport-report', ReportButton],
  ['rapport-share', ShareButton],
  ['rapport-editable-text', EditableText],
  ['rapport-post-form', PostForm],
  ['rapport-guest-dialog', GuestDialog],
  ['rapport-community', RapportCommunity],
];
for (const [name, element] of elements) {
  if (!customElements.get(name)) customElements.define(name, element);
}

export { RapportCommunity };
