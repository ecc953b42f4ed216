import type { ReactNode } from 'react';
import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { printPage } from '../../print.js';
import { useErrorText } from '../../app/errors.js';
import classes from './PrintPage.module.css';

export type Orientation = 'portrait' | 'landscape';

/** A print page: a toolbar on screen, then A4 sheets; `orientation` sets the printer's @page. */
export function PrintPage({
  fileName,
  orientation,
  ready,
  error,
  children,
}: {
  fileName: string;
  orientation: Orientation;
  ready: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const print = useMutation({
    mutationFn: () => printPage(fileName),
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  return (
    <div className={classes.screen} data-print-ready={ready ? 'yes' : 'no'}>
      <style>{`@page { size: A4 ${orientation}; margin: 0; }`}</style>
      <Paper className={classes.toolbar} shadow="xs" p="xs" mb="md" radius={0}>
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate(-1)}>
            {t('children:print.back')}
          </Button>
          <Text fw={600}>{fileName.replace(/\.pdf$/, '')}</Text>
          <Button leftSection={<IconPrinter size={16} />} disabled={!ready} loading={print.isPending} onClick={() => print.mutate()}>
            {t('children:print.print')}
          </Button>
        </Group>
      </Paper>
      {error ? (
        <Alert color="red" role="alert" mx="md">
          {errorText(error)}
        </Alert>
      ) : (
        children
      )}
    </div>
  );
}

/** One A4 sheet; `bleed` for label paper, whose grid sets its own margins. */
export function PrintSheet({ orientation, bleed = false, children }: { orientation: Orientation; bleed?: boolean; children: ReactNode }) {
  return <div className={[classes.sheet, classes[orientation], bleed && classes.bleed].filter(Boolean).join(' ')}>{children}</div>;
}
