import { Component, type ReactNode } from 'react'

/**
 * Catches a failed load of the lazily loaded editor (a dropped connection, or a new version deployed meanwhile), so
 * the key points stay usable and the person is told how to get the editor back.
 */
export class EditorBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
