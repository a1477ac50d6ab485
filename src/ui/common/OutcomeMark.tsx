import type { Outcome } from '@sim';
import { CheckIcon, CrossIcon, WarnIcon } from './icons';

const WORD: Record<Outcome, string> = { ok: 'OK', fail: 'Failed', warn: 'Warning', info: 'Info' };

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
      <span className={showWord ? undefined : 'visually-hidden'}>{WORD[outcome]}</span>
    </span>
  );
}
