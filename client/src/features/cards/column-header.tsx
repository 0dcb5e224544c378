import { useState } from 'react';
import { PencilIcon } from '../../components/icons';
import { useAppStore } from '../../app/store/store-context';
import { useT } from '../../lib/i18n-context';
import { NameForm } from './name-form';
import { IconButton } from '../../components/button';
import { useCanChangeBoard } from '../board';

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
  // Only someone who may change the board is offered the rename (the server refuses it from anyone else).
  const canWrite = useCanChangeBoard();

  if (renaming && canWrite) {
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
      {canWrite && <IconButton label={t.renameColumn} icon={<PencilIcon />} onClick={() => setRenaming(true)} />}
    </div>
  );
}
