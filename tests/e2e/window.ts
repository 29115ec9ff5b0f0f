import type { DescentHandle } from '../../bench/browserTypes';

// What the app exposes for tests (see src/main.tsx), typed for page.evaluate callbacks.
declare global {
  interface Window {
    __descent: DescentHandle;
  }
}
