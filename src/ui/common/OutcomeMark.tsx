import type { Outcome } from '@sim';
import { CheckIcon, CrossIcon, WarnIcon } from './icons';
import { OUTCOME_WORD } from './format';

/** A step outcome as an icon and a word (never colour alone). */
export function OutcomeMark({ outcome, showWord = true }: { outcome: Outcome; showWord?: boolean }) {
  return (
    <span className={`outcome-mark outcome-${outcome}`}>
      {outcome === 'ok' ? (
        <CheckIcon />
      ) : outcome === 'fail' ? (
        <CrossIcon />
      ) : outcome === 'warn' ? (
        <WarnIcon />
      ) : (
        <span aria-hidden="true">•</span>
      )}
      <span className={showWord ? undefined : 'visually-hidden'}>{OUTCOME_WORD[outcome]}</span>
    </span>
  );
}
