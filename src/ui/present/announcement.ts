import type { Trace } from '@sim';
import { formatStepCounter, RESULT_WORD } from '../common/format';

/**
 * The polite live announcement of the step the person moved to: silent while playing (a step every
 * second would drown the reader), the result once the journey has ended. The same words as the
 * timeline's announcer in the normal app.
 */
export function stepAnnouncement(trace: Trace | undefined, index: number, playing: boolean, ended: boolean): string {
  const step = trace?.steps[index];
  if (!trace || !step || playing) return '';
  const result = ended ? `. Result: ${RESULT_WORD[trace.result.outcome]}. ${trace.result.summary}` : '';
  return `${formatStepCounter(index, trace.steps.length)}: ${step.title}${result}`;
}
