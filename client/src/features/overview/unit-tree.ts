import type { BoardSummary, Layer, OrgUnit } from '../../../../shared/schemas';

export interface UnitNode {
  unit: OrgUnit;
  layer: Layer;
  boards: BoardSummary[];
  children: UnitNode[];
}

const byName = (a: string, b: string) => a.localeCompare(b, 'da');

/**
 * The org units that have boards, as a tree: children under their parent, siblings by layer rank then
 * name. A unit whose parent has no board of its own becomes a root.
 */
export function buildUnitTree(boards: readonly BoardSummary[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const board of boards) {
    const node = nodes.get(board.unit.id) ?? { unit: board.unit, layer: board.layer, boards: [], children: [] };
    node.boards.push(board);
    nodes.set(board.unit.id, node);
  }
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.layer.rank - b.layer.rank || byName(a.unit.name, b.unit.name));
    for (const node of list) {
      node.boards.sort((a, b) => byName(a.name, b.name));
      sort(node.children);
    }
  };
  sort(roots);
  return roots;
}
