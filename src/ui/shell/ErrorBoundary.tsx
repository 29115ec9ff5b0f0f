import { Component, type ErrorInfo, type ReactNode } from 'react';
import { sceneStore } from '../../state/store';
import { translate } from '../../i18n';

interface State {
  error: Error | null;
}

/**
 * Whatever fails below shows a message and a way out instead of a white page. The reset
 * puts the default scene back, which is what almost always clears a bad state.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Descent: a view failed and was replaced by its error message.', error, info.componentStack);
  }

  private reset = (): void => {
    sceneStore.getState().resetScene();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const lang = sceneStore.getState().lang;
    return (
      <div className="error-box" role="alert">
        <p>{translate(lang, 'error.title')}</p>
        <p className="error-detail">{this.state.error.message}</p>
        <button type="button" className="button primary" onClick={this.reset}>
          {translate(lang, 'error.reset')}
        </button>
      </div>
    );
  }
}
