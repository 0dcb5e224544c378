import type { Status } from '../../../../shared/domain/status';
import { StatusPill } from '../../components/status-pill';

/** Status as colour, icon and words together (the design system's pill, as a paragraph of the tile). */
export function StatusBadge({ status, text }: { status: Status; text: string }) {
  return (
    <p className="tile__status">
      <StatusPill status={status} text={text} />
    </p>
  );
}
