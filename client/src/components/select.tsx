import type { SelectHTMLAttributes } from 'react';
import { Field } from './field';

export interface SelectOption {
  value: string;
  label: string;
  /** Options with the same group are shown under that group's label. */
  group?: string;
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: string;
  hint?: string;
  error?: string | null;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
}

function grouped(options: readonly SelectOption[]) {
  const byGroup = new Map<string, SelectOption[]>();
  for (const o of options) byGroup.set(o.group ?? '', [...(byGroup.get(o.group ?? '') ?? []), o]);
  return [...byGroup.entries()];
}

/**
 * A labelled select. The native element, styled with the tokens: it is the best picker on touch screens, and Radix
 * Select always locks page scroll with an injected <style> that the Content Security Policy refuses.
 */
export function Select({ label, hint, error, value, options, onChange, className, ...rest }: SelectProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <span className={`select${className ? ` ${className}` : ''}`}>
          <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
            {grouped(options).flatMap(([group, entries]) => {
              const list = entries.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ));
              return group
                ? [
                    <optgroup key={group} label={group}>
                      {list}
                    </optgroup>,
                  ]
                : list;
            })}
          </select>
        </span>
      )}
    </Field>
  );
}
