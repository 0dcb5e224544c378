import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export interface TabSpec<K extends string> {
  id: K;
  label: string;
}

/**
 * Tabs by the WAI-ARIA pattern: one tab stop, arrow keys, Home and End move between tabs and open them.
 * Controlled (`value`, `onChange`) so the page keeps the open tab in the URL.
 */
export function AdminTabs<K extends string>(props: { label: string; tabs: TabSpec<K>[]; value: K; onChange: (id: K) => void; children: ReactNode }) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const index = props.tabs.findIndex((tab) => tab.id === props.value);
  function onKeyDown(event: KeyboardEvent) {
    const last = props.tabs.length - 1;
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = props.tabs[(target + props.tabs.length) % props.tabs.length]!;
    props.onChange(next.id);
    refs.current.get(next.id)?.focus();
  }
  return (
    <>
      <div role="tablist" aria-label={props.label} className="admin__tabs" onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => (
          <button key={tab.id} ref={(el) => { if (el) refs.current.set(tab.id, el); }} type="button" role="tab" id={`admin-tab-${tab.id}`}
            aria-selected={tab.id === props.value} aria-controls={`admin-panel-${tab.id}`} tabIndex={tab.id === props.value ? 0 : -1}
            className="button button--quiet" onClick={() => props.onChange(tab.id)}>
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`admin-panel-${props.value}`} aria-labelledby={`admin-tab-${props.value}`} tabIndex={0}>
        {props.children}
      </div>
    </>
  );
}
