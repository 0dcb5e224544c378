import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

const base: IconProps = {
  width: '1em',
  height: '1em',
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
};

/** Decorative icons; every use sits next to a text that says the same. */
export const CheckIcon = (p: IconProps) => (
  <svg {...base} {...p}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </svg>
);

export const WarningIcon = (p: IconProps) => (
  <svg {...base} {...p}>
    <path d="M12 3.5L2.5 20h19z" />
    <path d="M12 10v4.5M12 17.5v.01" />
  </svg>
);

export const CrossIcon = (p: IconProps) => (
  <svg {...base} {...p}>
    <path d="M6 6l12 12M18 6L6 18" />
  </svg>
);

export const DashIcon = (p: IconProps) => (
  <svg {...base} {...p}>
    <path d="M6 12h12" />
  </svg>
);

export const GripIcon = (p: IconProps) => (
  <svg {...base} strokeWidth={3.5} {...p}>
    <path d="M9 6v.01M15 6v.01M9 12v.01M15 12v.01M9 18v.01M15 18v.01" />
  </svg>
);

export const PencilIcon = (p: IconProps) => (
  <svg {...base} strokeWidth={2} {...p}>
    <path d="M4 20h4L19 9l-4-4L4 16z" />
  </svg>
);

export const PlusIcon = (p: IconProps) => (
  <svg {...base} {...p}>
    <path d="M12 5v14M5 12h14" />
  </svg>
);

/** Three dots: "more actions" (always with an accessible name and a tooltip or label). */
export const MoreIcon = (p: IconProps) => (
  <svg {...base} {...p} strokeWidth={3.5}>
    <path d="M5 12h.01M12 12h.01M19 12h.01" />
  </svg>
);
