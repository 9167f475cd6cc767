// The app icon's mark (scripts/icon-art/icon-source.svg) drawn small for the header.
export function AppMark() {
  return (
    <svg class="app-mark" viewBox="0 0 512 512" width="28" height="28" aria-hidden="true">
      <rect width="512" height="512" rx="112" fill="#0f766e" />
      <rect x="72" y="150" width="368" height="70" rx="14" fill="#fbbf24" />
      <path
        d="M88 330 H168 L184 300 L196 356 L210 250 L224 392 L240 196 L256 410 L272 176 L288 388 L302 232 L316 360 L330 292 L344 330 H424"
        fill="none"
        stroke="#fff"
        stroke-width="26"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
