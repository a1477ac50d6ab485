import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog> driven by `open`: focus trap, Escape and the backdrop come with it; a
 * click on the backdrop closes it too. `onOpen` runs after it opens (e.g. to focus the current item).
 */
export function ModalDialog({
  open,
  onClose,
  onOpen,
  labelledBy,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  onOpen?: (dialog: HTMLDialogElement) => void;
  labelledBy: string;
  className: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opened = useRef(onOpen);
  useEffect(() => {
    opened.current = onOpen;
  });
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      opened.current?.(d);
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`modal-dialog ${className}`}
      aria-labelledby={labelledBy}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose(); // a click on the backdrop
      }}
    >
      {/* A closed dialog holds nothing: the page's first render stays small (the gallery alone is
          200 elements), and each dialog renders what it shows when it opens. */}
      {open ? children : null}
    </dialog>
  );
}
