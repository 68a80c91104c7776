import { type RefObject, useState } from 'react'

/** What happened when someone pressed Copy. */
export type CopyFeedback = 'copied' | 'manual' | null

/**
 * Copies a field's text. The clipboard API needs a secure context, which a LAN address over plain HTTP is not:
 * then the text is selected and the old copy command tried, and failing that people copy it themselves.
 */
export function useCopy(
  field: RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
  value: string,
): [CopyFeedback, () => Promise<void>] {
  const [feedback, setFeedback] = useState<CopyFeedback>(null)
  const copy = async () => {
    field.current?.select()
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard')
      await navigator.clipboard.writeText(value)
      setFeedback('copied')
    } catch {
      setFeedback(document.execCommand?.('copy') ? 'copied' : 'manual')
    }
  }
  return [feedback, copy]
}
