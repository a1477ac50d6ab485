/** The mark: a pod (a rounded cube) on a path between two stations. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M4 24h24" stroke="var(--k8s)" strokeWidth="2.2" strokeLinecap="round" strokeDasharray="0.1 4.6" />
      <circle cx="4" cy="24" r="2.6" fill="var(--k8s)" />
      <circle cx="28" cy="24" r="2.6" fill="var(--k8s)" />
      <path d="M16 5.5 23 9.4v7.8L16 21l-7-3.8V9.4z" fill="var(--pod)" />
      <path
        d="M9 9.4 16 13.3l7-3.9M16 13.3V21"
        stroke="var(--surface)"
        strokeWidth="1.4"
        fill="none"
        strokeLinejoin="round"
      />
    </svg>
  );
}
