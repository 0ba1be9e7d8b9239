// A table that scrolls sideways on a phone; the scrolling region takes keyboard focus so it can be scrolled without a mouse.
import { Table, type TableProps } from '@mantine/core';

export function ScrollableTable({ minWidth, label, ...props }: TableProps & { minWidth: number; label: string }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      <Table verticalSpacing="sm" aria-label={label} {...props} />
    </Table.ScrollContainer>
  );
}
