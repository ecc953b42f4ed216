import { Text } from '@mantine/core';

/** A read-only field of a record page: a small grey label over its value, a dash when empty. */
export function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value === '' ? '—' : value}</Text>
    </div>
  );
}
