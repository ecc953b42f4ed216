import { Component, type ReactNode } from 'react';
import { withTranslation, type WithTranslation } from 'react-i18next';
import classes from './start.module.css';

interface State {
  failed: boolean;
}

/**
 * A render error shows a translated page with a reload button, never a white screen or a stack trace.
 * Plain elements: it is at the root, around the screens drawn before Mantine has loaded.
 */
class Boundary extends Component<WithTranslation & { children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[renderer] render error:', error);
  }

  override render(): ReactNode {
    const { t } = this.props;
    if (!this.state.failed) return this.props.children;
    return (
      <div className={classes.center} style={{ minHeight: '100vh' }}>
        <div className={classes.center} style={{ maxWidth: 480, padding: 0 }} role="alert">
          <h2 className={classes.title}>{t('common:crash.title')}</h2>
          <p style={{ margin: 0 }}>{t('common:crash.body')}</p>
          <button type="button" className={classes.button} onClick={() => window.location.reload()}>
            {t('common:crash.reload')}
          </button>
        </div>
      </div>
    );
  }
}

export const ErrorBoundary = withTranslation()(Boundary);
