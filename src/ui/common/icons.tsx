/** Inline icons (no icon font, no network). Decorative: the control that holds one carries the name. */
import type { ReactNode, SVGProps } from 'react';

function Icon({ children, ...props }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export const PlayIcon = () => (
  <Icon>
    <path d="M4.5 2.8v10.4L13 8z" fill="currentColor" />
  </Icon>
);
export const PauseIcon = () => (
  <Icon>
    <path d="M5 3v10M11 3v10" strokeWidth={2.4} />
  </Icon>
);
export const PrevIcon = () => (
  <Icon>
    <path d="M12 3.5 6 8l6 4.5z" fill="currentColor" />
    <path d="M4 3v10" strokeWidth={1.8} />
  </Icon>
);
export const NextIcon = () => (
  <Icon>
    <path d="M4 3.5 10 8l-6 4.5z" fill="currentColor" />
    <path d="M12 3v10" strokeWidth={1.8} />
  </Icon>
);
export const StartIcon = () => (
  <Icon>
    <path d="M8.5 3.5 3.5 8l5 4.5zM14 3.5 9 8l5 4.5z" fill="currentColor" />
    <path d="M2 3v10" strokeWidth={1.6} />
  </Icon>
);
export const EndIcon = () => (
  <Icon>
    <path d="M2 3.5 7 8l-5 4.5zM7.5 3.5l5 4.5-5 4.5z" fill="currentColor" />
    <path d="M14 3v10" strokeWidth={1.6} />
  </Icon>
);
export const SunIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="3" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
  </Icon>
);
export const MoonIcon = () => (
  <Icon>
    <path d="M13.5 9.8A5.8 5.8 0 0 1 6.2 2.5a5.8 5.8 0 1 0 7.3 7.3z" />
  </Icon>
);
export const SystemIcon = () => (
  <Icon>
    <rect x="1.8" y="2.5" width="12.4" height="8.6" rx="1.2" />
    <path d="M5.5 14h5M8 11.1V14" />
  </Icon>
);
export const HelpIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6.3" />
    <path d="M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4" />
    <circle cx="8" cy="11.6" r=".4" fill="currentColor" />
  </Icon>
);
export const FileIcon = () => (
  <Icon>
    <path d="M4 1.8h5l3 3v9.4H4z" />
    <path d="M9 1.8v3h3" />
  </Icon>
);
export const CheckIcon = () => (
  <Icon>
    <path d="m3.2 8.4 3 3 6.6-6.8" strokeWidth={2} />
  </Icon>
);
export const CrossIcon = () => (
  <Icon>
    <path d="m4 4 8 8M12 4l-8 8" strokeWidth={2} />
  </Icon>
);
export const WarnIcon = () => (
  <Icon>
    <path d="M8 2 1.6 13.5h12.8z" />
    <path d="M8 6.5v3.2" />
    <circle cx="8" cy="11.6" r=".4" fill="currentColor" />
  </Icon>
);
export const HourglassIcon = () => (
  <Icon>
    <path d="M4 1.8h8M4 14.2h8M5 1.8c0 3.6 6 3.6 6 6.2s-6 2.6-6 6.2M11 1.8c0 3.6-6 3.6-6 6.2s6 2.6 6 6.2" />
  </Icon>
);
export const ExternalIcon = () => (
  <Icon>
    <path d="M9.5 2.5h4v4M13.5 2.5 7.5 8.5M12 9.5v4H2.5V4h4" />
  </Icon>
);
