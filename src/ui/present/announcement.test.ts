import { describe, expect, it } from 'vitest';
import { simulate } from '@actors';
import { defaultScenario } from '@scenarios';
import { stepAnnouncement } from './announcement';

const trace = simulate(defaultScenario());
const last = trace.steps.length - 1;

describe('stepAnnouncement', () => {
  it('says the step moved to, nothing while playing, and the result at the end', () => {
    const n = trace.steps.length;
    expect(stepAnnouncement(trace, 0, false, false)).toBe(`Step 1 / ${n}: Read pod.yaml: 1 object`);
    expect(stepAnnouncement(trace, 3, true, false)).toBe('');
    expect(stepAnnouncement(trace, last, false, true)).toBe(
      `Step ${n} / ${n}: ${trace.steps[last]!.title}. Result: Running. ${trace.result.summary}`,
    );
    expect(stepAnnouncement(undefined, 0, false, false)).toBe('');
  });
});
