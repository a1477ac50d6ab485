import type { Outcome, Place } from '@sim';
import type { PlaceChip } from './places';

interface Props {
  chips: readonly PlaceChip[];
  /** The place the current step happens at, if it is one of these. */
  active?: Place;
  marks: Partial<Record<Place, Outcome>>;
  /** Draw arrows between chips: a pipeline a request passes in order. */
  pipeline?: boolean;
  label: string;
}

const MARK: Partial<Record<Outcome, string>> = { ok: '✓', fail: '✕', warn: '⚠' };
const MARK_WORD: Partial<Record<Outcome, string>> = { ok: 'passed', fail: 'failed', warn: 'warning' };

/** The places inside a component; the active one glows, passed ones carry ✓ / ✕. */
export function Chips({ chips, active, marks, pipeline, label }: Props) {
  return (
    <ol className={`chips${pipeline ? ' chips-pipeline' : ''}`} aria-label={label}>
      {chips.map(({ place, label: text }) => {
        const outcome = marks[place];
        const mark = outcome ? MARK[outcome] : undefined;
        return (
          <li
            key={place}
            className={`chip${active === place ? ' is-active' : ''}${outcome ? ` chip-${outcome}` : ''}`}
            aria-current={active === place ? 'step' : undefined}
          >
            {text}
            {mark && (
              <span className="chip-mark">
                <span aria-hidden="true">{mark}</span>
                <span className="visually-hidden"> {MARK_WORD[outcome!]}</span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
