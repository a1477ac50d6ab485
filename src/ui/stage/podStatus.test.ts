import { describe, expect, it } from 'vitest';
import { statusTone } from './podStatus';

describe('statusTone', () => {
  it.each([
    ['manifest', 'draft'],
    ['Pending', 'waiting'],
    ['ContainerCreating', 'waiting'],
    ['Init:0/1', 'waiting'],
    ['Running', 'ok'],
    ['Completed', 'ok'],
    ['ErrImagePull', 'problem'],
    ['ImagePullBackOff', 'problem'],
    ['CrashLoopBackOff', 'problem'],
    ['Init:CrashLoopBackOff', 'problem'],
    ['CreateContainerConfigError', 'problem'],
  ])('%s is %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});
