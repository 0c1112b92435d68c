import { useEffect, useId, useState } from 'react';

interface Props {
  value: number;
  onChange(value: number): void;
  min?: number;
  max?: number;
  step?: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A risk threshold as a slider and a number box (percent), kept in step; arrow keys move either. */
export function ThresholdControl({ value, onChange, min = 0.01, max = 0.6, step = 0.005 }: Props) {
  const sliderId = useId();
  const boxId = useId();
  const hintId = useId();
  const pct = Math.round(value * 1000) / 10;
  const [text, setText] = useState(String(pct));
  // Typing keeps its own text (so "1" on the way to "12" is not rewritten); outside changes update it.
  useEffect(() => setText(String(pct)), [pct]);

  const commit = (raw: string) => {
    const v = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(v)) onChange(clamp(v / 100, min, max));
  };

  return (
    <div className="threshold-control">
      <div className="field">
        <label htmlFor={sliderId}>Call appointments with a risk of at least</label>
        <p className="hint" id={hintId}>
          Move the slider with the arrow keys, or type a percentage between {min * 100} and {max * 100}.
        </p>
        <div className="threshold-inputs">
          <input
            id={sliderId}
            type="range"
            min={min}
            max={max}
            step={step}
            value={value}
            aria-describedby={hintId}
            aria-valuetext={`${pct}%`}
            onChange={(e) => onChange(Number(e.target.value))}
          />
          <span className="number-with-unit">
            <label htmlFor={boxId} className="visually-hidden">
              Threshold in percent
            </label>
            <input
              id={boxId}
              type="number"
              inputMode="decimal"
              min={min * 100}
              max={max * 100}
              step={step * 100}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                commit(e.target.value);
              }}
              onBlur={() => setText(String(pct))}
            />
            <span aria-hidden="true">%</span>
          </span>
        </div>
      </div>
    </div>
  );
}
