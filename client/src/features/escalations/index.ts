// What other features use of escalations.
export { CardEscalation } from './card-escalation';
export { EscalateDialog } from './escalate-dialog';
export { EscalationZone } from './escalation-zone';
