import { useMemo, useState } from 'react';
import { DndContext, DragOverlay } from '@dnd-kit/core';
import { LIMITS } from '../../../../shared/constants';
import { PlusIcon } from '../../components/icons';
import { useAppStore, useAppStoreApi } from '../../app/store/store-context';
import { useBoardSensors } from '../../lib/dnd-sensors';
import { useCanChangeBoard, useCanWrite } from '../board';
import { useT } from '../../lib/i18n-context';
import { CardBody } from './card-body';
import { CardColumn } from './card-column';
import { CardEditorProvider } from './card-editor-context';
import { dndAccessibility } from './dnd-announcements';
import { NameForm } from './name-form';
import { UndoToast } from './undo-toast';
import { useCardDrag } from './use-card-drag';
import { useCard, useColumns } from './use-cards';

function OverlayCard({ cardId }: { cardId: string }) {
  const card = useCard(cardId);
  return card ? (
    <div className="card-overlay">
      <CardBody card={card} />
    </div>
  ) : null;
}

/** No sensors: nothing can be picked up (a viewer, or a wall screen for viewing only). */
const NO_SENSORS: ReturnType<typeof useBoardSensors> = [];

/** The card columns with drag and drop between and within them, and adding a column. */
export function CardBoard() {
  const t = useT();
  const store = useAppStoreApi();
  const columns = useColumns();
  const createColumn = useAppStore((s) => s.createColumn);
  const sensors = useBoardSensors();
  const canWrite = useCanWrite();
  const canChangeBoard = useCanChangeBoard();
  const drag = useCardDrag();
  const [adding, setAdding] = useState(false);
  const accessibility = useMemo(() => dndAccessibility(store, t), [store, t]);

  return (
    <CardEditorProvider>
      <section className="board-section">
        <h2 className="board-section__title">{t.cards}</h2>
        <DndContext
          sensors={canWrite ? sensors : NO_SENSORS}
          collisionDetection={drag.collisionDetection}
          accessibility={accessibility}
          onDragStart={drag.onDragStart}
          onDragOver={drag.onDragOver}
          onDragMove={drag.onDragMove}
          onDragEnd={drag.onDragEnd}
          onDragCancel={drag.onDragCancel}
        >
          <div className="columns">
            {columns.map((column) => (
              <CardColumn key={column.id} columnId={column.id} dropIndex={drag.dropTarget?.columnId === column.id ? drag.dropTarget.index : undefined} />
            ))}
            {canChangeBoard && <div className="column column--new">
              {adding ? (
                <NameForm
                  label={t.columnName}
                  initial=""
                  submitLabel={t.add}
                  onSubmit={(name) => {
                    createColumn(name);
                    setAdding(false);
                  }}
                  onCancel={() => setAdding(false)}
                />
              ) : (
                <button type="button" className="button button--quiet" disabled={columns.length >= LIMITS.columnsPerBoard}
                  onClick={() => setAdding(true)}>
                  <PlusIcon /> {t.newColumn}
                </button>
              )}
            </div>}
          </div>
          <DragOverlay>{drag.activeId ? <OverlayCard cardId={drag.activeId} /> : null}</DragOverlay>
        </DndContext>
        <UndoToast />
      </section>
    </CardEditorProvider>
  );
}
