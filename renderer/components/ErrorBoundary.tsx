import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  /** What failed, in the user's words ("the transcript"). */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Keeps one broken panel from blanking the whole window, and says what broke in plain words. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`Commonplace could not show ${this.props.what}:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-error" role="alert">
        <h2>Commonplace could not show {this.props.what}.</h2>
        <p>{error.message || String(error)}</p>
        <p>Your project file is unchanged.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
