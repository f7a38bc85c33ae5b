import * as React from 'react';

export interface Viewport {
  /** The part of the list in view, in pixels from the list's top (clipped to 0 above). */
  top: number;
  bottom: number;
  /** Where the pane's sticky header ends, from the top of the window. */
  stickyTop: number;
}

/** The pane's own sticky header (检查 写回 撤销), which the list's sticky headers sit under. */
function paneHeaderBottom(el: HTMLElement): number {
  const header = el.closest('main')?.querySelector(':scope > header');
  return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
}

/** Which part of an element the window shows, updated once a frame while the pane scrolls or resizes. */
export function useViewport(ref: React.RefObject<HTMLElement | null>): Viewport {
  const [view, setView] = React.useState<Viewport>({ top: 0, bottom: typeof innerHeight === 'number' ? innerHeight : 800, stickyTop: 0 });
  React.useLayoutEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = ref.current;
      if (!el) return;
      const r = el.getBoundingClientRect();
      const stickyTop = paneHeaderBottom(el);
      const next = { top: Math.max(0, Math.round(stickyTop - r.top)), bottom: Math.max(0, Math.round(innerHeight - r.top)), stickyTop: Math.round(stickyTop) };
      setView((v) => (v.top === next.top && v.bottom === next.bottom && v.stickyTop === next.stickyTop ? v : next));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    addEventListener('scroll', later, { passive: true });
    addEventListener('resize', later);
    // What sits above the list (messages, the summary card) can change its place without any scroll.
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(later) : null;
    if (ref.current?.parentElement) ro?.observe(ref.current.parentElement);
    return () => {
      removeEventListener('scroll', later);
      removeEventListener('resize', later);
      ro?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);
  return view;
}
