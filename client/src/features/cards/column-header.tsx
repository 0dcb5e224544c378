import { useState } from 'react';
import { PencilIcon } from '../../components/icons';
import { useAppStore } from '../../app/store/store-context';
import { useT } from '../../lib/i18n-context';
import { NameForm } from './name-form';

interface ColumnHeaderProps {
  columnId: string;
  name: string;
  headingId: string;
  count: number;
}

/** The column's heading (which names its region), its card count, and renaming in place. */
export function ColumnHeader({ columnId, name, headingId, count }: ColumnHeaderProps) {
  const t = useT();
  const renameColumn = useAppStore((s) => s.renameColumn);
  const [renaming, setRenaming] = useState(false);

  if (renaming) {
    return (
      <div className="column__header">
        <h3 id={headingId} className="visually-hidden">{name}</h3>
        <NameForm
          label={t.columnName}
          initial={name}
          submitLabel={t.save}
          onSubmit={(next) => {
            renameColumn(columnId, next);
            setRenaming(false);
          }}
          onCancel={() => setRenaming(false)}
        />
      </div>
    );
  }
  return (
    <div className="column__header">
      <h3 id={headingId} className="column__title">{name}</h3>
      <span className="column__count">{t.cardCount(count)}</span>
      <button type="button" className="icon-button" aria-label={t.renameColumn} title={t.renameColumn} onClick={() => setRenaming(true)}>
        <PencilIcon />
      </button>
    </div>
  );
}
