import type { ReactNode } from 'react'
import type { PointKind } from '../../../../shared/notes.ts'

/** Small stroke icons, drawn inline so the notes load nothing else; decorative: the text beside them names them. */
function Svg({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className ?? 'notes-icon'}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

const KIND_PATHS: Record<PointKind, ReactNode> = {
  idea: (
    <>
      <path d="M9 18h6M10 21h4" />
      <path d="M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1 2V16h5.2v-.2c0-.8.4-1.5 1-2A6 6 0 0 0 12 3z" />
    </>
  ),
  concern: (
    <>
      <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
      <path d="M12 9v4M12 17h.01" />
    </>
  ),
  question: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01" />
    </>
  ),
  action: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m8 12 3 3 5-6" />
    </>
  ),
}

/** The icon of a key point's kind. */
export function KindIcon({ kind }: { kind: PointKind }) {
  return <Svg className={`notes-icon kind-icon kind-${kind}`}>{KIND_PATHS[kind]}</Svg>
}

/** Arrow up, for "move up". */
export const UpIcon = () => (
  <Svg>
    <path d="M12 19V5M5 12l7-7 7 7" />
  </Svg>
)
/** Arrow down, for "move down". */
export const DownIcon = () => (
  <Svg>
    <path d="M12 5v14M19 12l-7 7-7-7" />
  </Svg>
)
/** A bin, for "delete". */
export const TrashIcon = () => (
  <Svg>
    <path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6" />
  </Svg>
)
/** Six dots, the handle that drags a point. */
export const GripIcon = () => (
  <Svg>
    <circle cx="9" cy="6" r="1" fill="currentColor" />
    <circle cx="15" cy="6" r="1" fill="currentColor" />
    <circle cx="9" cy="12" r="1" fill="currentColor" />
    <circle cx="15" cy="12" r="1" fill="currentColor" />
    <circle cx="9" cy="18" r="1" fill="currentColor" />
    <circle cx="15" cy="18" r="1" fill="currentColor" />
  </Svg>
)
