import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The region's name as the person knows it: "stage", "editor", ... */
  region: string;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/** A fault in one region shows a message there and leaves the rest of the page working. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Pod Journey: the ${this.props.region} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel region-error" role="alert">
        <h2>The {this.props.region} stopped working</h2>
        <p className="mono">{error.message}</p>
        <p>The rest of the page still works.</p>
        <button type="button" className="btn" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
