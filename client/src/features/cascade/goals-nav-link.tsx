import { Link } from 'wouter';
import { useCascadeTexts } from './texts';

/** The header's way to the goals screen. */
export function GoalsNavLink({ className }: { className: string }) {
  return (
    <Link href="/goals" className={className}>
      {useCascadeTexts().goals}
    </Link>
  );
}
