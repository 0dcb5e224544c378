import type { Status } from '../../../../shared/domain/status';
import { CheckIcon, CrossIcon, DashIcon, WarningIcon } from '../../components/icons';

const ICONS = { green: CheckIcon, amber: WarningIcon, red: CrossIcon, none: DashIcon } as const;

/** Status as colour, icon and words together: colour is never the only signal. */
export function StatusBadge({ status, text }: { status: Status; text: string }) {
  const Icon = ICONS[status];
  return (
    <p className={`status status--${status}`}>
      <Icon className="status__icon" />
      <span>{text}</span>
    </p>
  );
}
