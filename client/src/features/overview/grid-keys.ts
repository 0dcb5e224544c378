/** A cell of the heat-map: row in the visible rows, column 0 the unit's name, 1… the indicators. */
export interface GridPos {
  row: number;
  col: number;
}

export interface RowTreeInfo {
  expandable: boolean;
  expanded: boolean;
  /** The visible row of the unit's parent, or null at the top. */
  parentRow: number | null;
}

export type GridAction = { kind: 'move'; to: GridPos } | { kind: 'expand'; row: number } | { kind: 'collapse'; row: number };

/**
 * What a key does in the heat-map, as the WAI-ARIA treegrid pattern has it: arrows move a cell (clamped at the
 * edges), Home/End go to the row's first/last cell and with Ctrl to the grid's; PageUp/PageDown move ten rows. On
 * a unit's name, → unfolds a folded unit (then moves right) and ← folds an open one (then goes to its parent).
 */
export function gridKey(key: string, ctrl: boolean, at: GridPos, rows: number, cols: number, tree: (row: number) => RowTreeInfo): GridAction | null {
  const move = (row: number, col: number): GridAction => ({
    kind: 'move',
    to: { row: Math.max(0, Math.min(rows - 1, row)), col: Math.max(0, Math.min(cols - 1, col)) },
  });
  switch (key) {
    case 'ArrowDown':
      return move(at.row + 1, at.col);
    case 'ArrowUp':
      return move(at.row - 1, at.col);
    case 'PageDown':
      return move(at.row + 10, at.col);
    case 'PageUp':
      return move(at.row - 10, at.col);
    case 'Home':
      return ctrl ? move(0, 0) : move(at.row, 0);
    case 'End':
      return ctrl ? move(rows - 1, cols - 1) : move(at.row, cols - 1);
    case 'ArrowRight': {
      const info = tree(at.row);
      if (at.col === 0 && info.expandable && !info.expanded) return { kind: 'expand', row: at.row };
      return move(at.row, at.col + 1);
    }
    case 'ArrowLeft': {
      if (at.col > 0) return move(at.row, at.col - 1);
      const info = tree(at.row);
      if (info.expandable && info.expanded) return { kind: 'collapse', row: at.row };
      return info.parentRow !== null ? move(info.parentRow, 0) : null;
    }
    default:
      return null;
  }
}
