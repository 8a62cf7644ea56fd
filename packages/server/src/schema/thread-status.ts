import { THREAD_STATUSES } from '../entities/index.ts';
import { builder } from './builder.ts';

export const ThreadStatusEnum = builder.enumType('ThreadStatus', {
  values: THREAD_STATUSES,
  description: 'OPEN → UNDER_REVIEW → PLANNED → IN_PROGRESS → SHIPPED, or DECLINED.',
});
