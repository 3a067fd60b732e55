/** ODS alert icons, inline and hidden from assistive technology: the text beside them says it all. */
const paths = {
  error: [
    [
      'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z',
      '#cd0000',
    ],
    ['M11 17h2v-2h-2v2zm0-4h2V7h-2v6z', '#fff'],
  ],
  success: [
    [
      'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-2 15l-5-5 1.4-1.4 3.6 3.58L17.17 7l1.4 1.42L10 17z',
      '#118847',
    ],
    ['M5 12l5 5 8.58-8.58L17.17 7 10 14.17 6.4 10.6 5 12z', '#fff'],
  ],
  informational: [
    [
      'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z',
      '#1a1a1a',
    ],
    ['M11 17h2v-6h-2v6zm0-8h2V7h-2v2z', '#fff'],
  ],
  warning: [
    ['M1 21h22L12 2 1 21z', '#ffd440'],
    ['M13 18h-2v-2h2v2zm0-4h-2v-4h2v4z', '#1a1a1a'],
  ],
} as const;

export type AlertKind = keyof typeof paths;

export function AlertIcon({ kind, size = 24 }: { kind: AlertKind; size?: number }) {
  return (
    <svg aria-hidden="true" focusable="false" width={size} height={size} viewBox="0 0 24 24" fill="none">
      {paths[kind].map(([d, fill]) => (
        <path key={d} d={d} fill={fill} />
      ))}
    </svg>
  );
}
