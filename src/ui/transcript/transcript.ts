import type { Outcome, Step, TerminalLine, Trace } from '@sim';
import { componentLabel } from '../store/derive';
import { formatSimTime, OUTCOME_WORD, RESULT_WORD } from '../common/format';

/** The two terminals of the journey, as the Terminal tab names them. */
export const TERMINAL_NAMES: Record<TerminalLine['terminal'], string> = {
  apply: 'Terminal 1',
  watch: 'Terminal 2',
};

/** What the transcript says of one step: all of it read from the trace. */
export interface TranscriptEntry {
  /** 1-based, as the timeline counts. */
  number: number;
  time: string;
  component: string;
  place: string;
  outcome: Outcome;
  title: string;
  summary: string;
  /** What a real cluster would do next, on the step where the horizon cut a loop. */
  note?: string;
  /** The lines this step added to each terminal, in order. */
  output: { terminal: TerminalLine['terminal']; lines: string[] }[];
}

/** A terminal line as the terminal shows it: commands after a prompt. */
export const terminalText = (l: TerminalLine): string => (l.stream === 'command' ? `$ ${l.text}` : l.text);

const sameLine = (a: TerminalLine, b: TerminalLine) => a.stream === b.stream && a.text === b.text;

/**
 * The lines a step added to one terminal. The trace keeps each terminal whole at every step; when the
 * earlier screen is not a prefix of this one (it was redrawn), the whole screen counts as new.
 */
function addedLines(prev: Step | undefined, step: Step, terminal: TerminalLine['terminal']): TerminalLine[] {
  const now = step.terminal.filter((l) => l.terminal === terminal);
  const before = prev ? prev.terminal.filter((l) => l.terminal === terminal) : [];
  const isPrefix = before.length <= now.length && before.every((l, i) => sameLine(l, now[i]!));
  return isPrefix ? now.slice(before.length) : now;
}

/** Every step of the journey as text: number, time, component, place, outcome, title, summary, output. */
export function transcriptOf(trace: Trace): TranscriptEntry[] {
  return trace.steps.map((step, i) => {
    const prev = i > 0 ? trace.steps[i - 1] : undefined;
    const output = (Object.keys(TERMINAL_NAMES) as TerminalLine['terminal'][])
      .map((terminal) => ({ terminal, lines: addedLines(prev, step, terminal).map(terminalText) }))
      .filter((o) => o.lines.length > 0);
    return {
      number: step.index + 1,
      time: formatSimTime(step.t),
      component: componentLabel(step.component),
      place: step.place,
      outcome: step.outcome,
      title: step.title,
      summary: step.narration.summary,
      ...(step.horizonNote ? { note: step.horizonNote } : {}),
      output,
    };
  });
}

/** The transcript as plain text, for the clipboard: the result first, then one block per step. */
export function transcriptText(trace: Trace, heading: string): string {
  const blocks = transcriptOf(trace).map((e) =>
    [
      `${e.number}. ${e.title}`,
      `   t = ${e.time} · ${e.component} · ${e.place} · ${OUTCOME_WORD[e.outcome]}`,
      `   ${e.summary}`,
      ...(e.note ? [`   ${e.note}`] : []),
      ...e.output.flatMap((o) => [`   ${TERMINAL_NAMES[o.terminal]}:`, ...o.lines.map((l) => `     ${l}`)]),
    ].join('\n'),
  );
  return (
    [heading, `Result: ${RESULT_WORD[trace.result.outcome]}: ${trace.result.summary}`, ...blocks].join('\n\n') + '\n'
  );
}
