/**
 * The native range input over the steps (keyboard, touch and screen readers come with it), announced
 * as "Step 12 of 60: <title>". The timeline lays it over its ticks; the embed shows it as it is.
 */
export function StepSlider(props: {
  className: string;
  count: number;
  index: number;
  title: string | undefined;
  onSeek(index: number): void;
}) {
  const { count, index, title } = props;
  return (
    <input
      type="range"
      className={props.className}
      min={0}
      max={Math.max(count - 1, 0)}
      step={1}
      value={index}
      disabled={count === 0}
      aria-label="Step"
      aria-valuetext={title !== undefined ? `Step ${index + 1} of ${count}: ${title}` : 'No steps'}
      onChange={(e) => props.onSeek(Number(e.target.value))}
    />
  );
}
