import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Container, Divider, Group, Paper, PasswordInput, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setupInput } from '../../../shared/api/setup.js';
import { suggestTerm, type Day } from '../../../shared/domain/dates.js';
import type { Language } from '../../../shared/domain/fields.js';
import { AppError, fieldIssues, type FieldIssue } from '../../../shared/errors.js';
import { procedureKey, useProcedureMutation } from '../data/index.js';
import { useErrorText, useFieldErrors, useSchemaValidate } from './errors.js';
import { setSession } from './queries.js';
import { showRecoveryCode } from './recoveryCode.js';
import { WhenToday } from './useToday.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { RestoreFromFile } from '../components/RestoreBackup/index.js';

const STEP_FIELDS = [['schoolName', 'roomName', 'language'], ['term.'], ['admin.']] as const;
const stepOf = (path: string) => STEP_FIELDS.findIndex((prefixes) => prefixes.some((p) => path.startsWith(p)));

interface Values {
  schoolName: string;
  roomName: string;
  language: Language;
  term: { name: string; start: string; end: string };
  admin: { name: string; pin: string; pinRepeat: string };
  demo: boolean;
}

const pinsDiffer = (v: Values): FieldIssue[] =>
  v.admin.pin !== v.admin.pinRepeat ? [{ path: 'admin.pinRepeat', message: 'pinMismatch' }] : [];

/** First run: school, current term, administrator — one call to `setup.run`, then the desk with the recovery code. */
export function SetupWizard() {
  return <WhenToday>{(today) => <SetupSteps today={today} />}</WhenToday>;
}

function SetupSteps({ today }: { today: Day }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  // Moving to a new PC: the school comes from a backup instead of the steps.
  const [fromBackup, setFromBackup] = useState(false);
  const suggested = suggestTerm(today);
  const validate = useSchemaValidate(setupInput, pinsDiffer);

  const form = useForm<Values>({
    initialValues: {
      schoolName: '',
      roomName: t('setup:roomNamePlaceholder'),
      language: i18n.language === 'en' ? 'en' : 'zh-CN',
      term: {
        name: t(suggested.season === 'autumn' ? 'setup:termNameAutumn' : 'setup:termNameSpring', { year: suggested.startYear }),
        start: suggested.start,
        end: suggested.end,
      },
      admin: { name: '', pin: '', pinRepeat: '' },
      demo: false,
    },
  });

  const run = useProcedureMutation('setup.run', {
    input: (v: Values) => ({
        schoolName: v.schoolName,
        roomName: v.roomName,
        language: (i18n.language === 'en' ? 'en' : 'zh-CN') as Language,
        term: v.term,
        admin: { name: v.admin.name, pin: v.admin.pin },
        demo: v.demo,
      }),
    onSuccess: ({ recoveryCode, ...view }) => {
      notifications.show({ color: 'teal', message: t('setup:done') });
      // Shown over the desk the admin lands in (this wizard is gone once the app is set up).
      showRecoveryCode(recoveryCode);
      setSession(client, view);
    },
    onError: (err) => {
      if (err instanceof AppError && err.code === 'setup.alreadyDone') {
        // Set up meanwhile (another window, the command line): show the message, then the lock screen.
        setFailure(errorText(err));
        // Set up from the command line (no data event comes from another process): ask again.
        setTimeout(() => void client.invalidateQueries({ queryKey: procedureKey('app.info') }), 2500);
        return;
      }
      if (fieldErrors(err, form.setErrors)) {
        const steps = fieldIssues(err as AppError).map((i) => stepOf(i.path)).filter((s) => s >= 0);
        if (steps.length > 0) setStep(Math.min(...steps));
        return;
      }
      setFailure(errorText(err));
    },
  });

  // The suggested names follow the language until the user types their own.
  const { getValues, setFieldValue } = form;
  const roomDefault = t('setup:roomNamePlaceholder');
  const termDefault = t(suggested.season === 'autumn' ? 'setup:termNameAutumn' : 'setup:termNameSpring', { year: suggested.startYear });
  const shownDefaults = useRef({ room: roomDefault, term: termDefault });
  useEffect(() => {
    const v = getValues();
    if (v.roomName === shownDefaults.current.room) setFieldValue('roomName', roomDefault);
    if (v.term.name === shownDefaults.current.term) setFieldValue('term.name', termDefault);
    shownDefaults.current = { room: roomDefault, term: termDefault };
  }, [roomDefault, termDefault, getValues, setFieldValue]);

  /** Checks only the fields of the current step before moving on. */
  function next(): void {
    const errors = validate(form.getValues());
    const mine = Object.fromEntries(Object.entries(errors).filter(([path]) => stepOf(path) <= step));
    form.setErrors(mine);
    if (Object.keys(mine).length > 0) {
      const first = Object.keys(mine).map(stepOf).sort()[0] ?? step;
      setStep(first);
      return;
    }
    if (step < 2) setStep(step + 1);
    else {
      setFailure(null);
      run.mutate(form.getValues());
    }
  }

  return (
    <Container size={640} py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Stack>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={2}>{t('setup:title')}</Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t('setup:intro')}
              </Text>
            </div>
            {/* Never squeezed by the intro beside it: "English" was cut off. */}
            <div style={{ flexShrink: 0 }}>
              <LanguageSwitch persist={false} />
            </div>
          </Group>
          {fromBackup ? (
            <Stack data-testid="setup-restore">
              <Title order={4}>{t('backups:wizardTitle')}</Title>
              <Text size="sm" c="dimmed">
                {t('backups:wizardIntro')}
              </Text>
              <RestoreFromFile />
              <Group>
                <Button variant="default" onClick={() => setFromBackup(false)}>
                  {t('backups:wizardBack')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                next();
              }}
            >
              <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm" mt="md">
                <Stepper.Step label={t('setup:steps.school')}>
                  <Stack mt="md">
                    <TextInput
                      label={t('setup:schoolName')}
                      placeholder={t('setup:schoolNamePlaceholder')}
                      data-autofocus
                      withAsterisk
                      {...form.getInputProps('schoolName')}
                    />
                    <TextInput label={t('setup:roomName')} withAsterisk {...form.getInputProps('roomName')} />
                  </Stack>
                </Stepper.Step>
                <Stepper.Step label={t('setup:steps.term')}>
                  <Stack mt="md">
                    <TextInput label={t('setup:termName')} withAsterisk {...form.getInputProps('term.name')} />
                    <Group grow>
                      <DateInput label={t('setup:termStart')} valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('term.start')} />
                      <DateInput label={t('setup:termEnd')} valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps('term.end')} />
                    </Group>
                  </Stack>
                </Stepper.Step>
                <Stepper.Step label={t('setup:steps.admin')}>
                  <Stack mt="md">
                    <TextInput label={t('setup:adminName')} withAsterisk {...form.getInputProps('admin.name')} />
                    <PasswordInput
                      label={t('setup:adminPin')}
                      description={t('setup:pinHint')}
                      inputMode="numeric"
                      autoComplete="new-password"
                      withAsterisk
                      {...form.getInputProps('admin.pin')}
                    />
                    <PasswordInput
                      label={t('setup:adminPinRepeat')}
                      inputMode="numeric"
                      autoComplete="new-password"
                      withAsterisk
                      {...form.getInputProps('admin.pinRepeat')}
                    />
                    <Checkbox mt="xs" label={t('setup:demo')} description={t('setup:demoHint')} {...form.getInputProps('demo', { type: 'checkbox' })} />
                  </Stack>
                </Stepper.Step>
              </Stepper>
              {failure && (
                <Alert color="red" mt="md" role="alert">
                  {failure}
                </Alert>
              )}
              <Group justify="space-between" mt="xl">
                <Button variant="default" onClick={() => setStep(step - 1)} disabled={step === 0}>
                  {t('common:back')}
                </Button>
                <Button type="submit" loading={run.isPending}>
                  {step < 2 ? t('common:next') : t('setup:finish')}
                </Button>
              </Group>
              <Divider my="lg" />
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t('backups:wizardOffer')}
                </Text>
                <Button variant="subtle" size="compact-sm" onClick={() => setFromBackup(true)} data-testid="setup-from-backup">
                  {t('backups:wizardOpen')}
                </Button>
              </Group>
            </form>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
