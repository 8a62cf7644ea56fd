/** The new-post form, loaded when someone starts writing a post. */
import { PostForm } from '../components/post-form.ts';
import { SimilarThreads } from '../components/similar-threads.ts';
import { define } from '../define.ts';

define([
  ['rapport-post-form', PostForm],
  ['rapport-similar-threads', SimilarThreads],
]);
