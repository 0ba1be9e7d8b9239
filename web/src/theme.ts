// Mantine theme: shades dark enough for 4.5:1 contrast on white (RGAA AA), French labels on built-in buttons.
import { Alert, Badge, createTheme, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';
import { fr } from './i18n/fr.ts';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 5 },
  focusRing: 'auto',
  components: {
    // A light alert's title takes its colour (orange, red…) at a shade under 4.5:1 on the tinted background.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': fr.common.close } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': fr.common.close } } }),
  },
});

// Mantine's default dimmed grey (gray.6) and error red (red.6) are under 4.5:1 on white.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
