import { Component, type ReactNode } from 'react';

/** A screen that fails shows what went wrong instead of a blank page; the other screens keep working. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="msg error" role="alert">
        <p>This screen could not be shown: {this.state.error.message}</p>
        <p>Your data and workspace are unchanged. Reload the page, or open another screen.</p>
      </div>
    );
  }
}
