// The indicators feature's public face: what other features may use of it.
export { CardIndicatorLink } from './card-indicator-link';
export { StatusBadge } from './status-badge';
