/** Whether this page runs inside a frame (a cross-origin parent may throw on some reads). */
export function isFramed(win: Window = window): boolean {
  try {
    return win.parent !== win;
  } catch {
    return true;
  }
}
