import { Link } from 'wouter';
import { useOverviewTexts } from '../overview';

/** The header's way to the goals screen. */
export function GoalsNavLink({ className }: { className: string }) {
  return (
    <Link href="/goals" className={className}>
      {useOverviewTexts().goals}
    </Link>
  );
}
