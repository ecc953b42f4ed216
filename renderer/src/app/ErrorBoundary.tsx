import { Component, type ReactNode } from 'react';
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { withTranslation, type WithTranslation } from 'react-i18next';

interface State {
  failed: boolean;
}

/** A render error shows a translated page with a reload button, never a white screen or a stack trace. */
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
      <Center h="100vh" p="xl">
        <Stack align="center" maw={480} role="alert">
          <Title order={2}>{t('common:crash.title')}</Title>
          <Text ta="center">{t('common:crash.body')}</Text>
          <Button onClick={() => window.location.reload()}>{t('common:crash.reload')}</Button>
        </Stack>
      </Center>
    );
  }
}

export const ErrorBoundary = withTranslation()(Boundary);
