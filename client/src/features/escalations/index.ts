// The escalations feature's public face: what other features may use of it.
export { CardEscalation } from './card-escalation';
