import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useEdited, useJourney } from '../store/store';
import { ScenarioGallery } from '../topbar/ScenarioGallery';
import './editorMenu.css';

/** What the Examples menu offers: the example manifests, then the whole gallery. */
type Item = { kind: 'example'; id: string; title: string; blurb: string } | { kind: 'gallery' };
const GALLERY_ITEM: Item = { kind: 'gallery' };
const NO_ITEMS: Item[] = [];

/**
 * The Examples menu button (WAI-ARIA APG "menu button"): Enter, Space or ArrowDown open it on the
 * first item, ArrowUp on the last; arrows, Home and End move; Escape and Tab close it, focus going
 * back to the button; a click outside closes it.
 */
function ExamplesMenu({ onGallery }: { onGallery: () => void }) {
  const loadExample = useJourney((s) => s.loadExample);
  const ensureCatalog = useJourney((s) => s.ensureCatalog);
  // The examples come with the scenario catalog, which loads after the first paint.
  const examples = useJourney((s) => s.catalog?.examples);
  const exampleItems = useMemo<Item[]>(
    () => examples?.map((e) => ({ kind: 'example', id: e.id, title: e.title, blurb: e.blurb })) ?? NO_ITEMS,
    [examples],
  );
  const count = exampleItems.length + 1;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active, count]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  /** Opens the menu on item `index` (from the end when negative), once the catalog is in. */
  const openAt = (index: number) => {
    void ensureCatalog()
      .catch(() => undefined)
      .then(() => {
        const n = (useJourney.getState().catalog?.examples.length ?? 0) + 1;
        setActive(index < 0 ? n + index : index);
        setOpen(true);
      });
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const pick = (item: Item) => {
    close();
    if (item.kind === 'gallery') onGallery();
    else loadExample(item.id);
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') openAt(0);
    else if (e.key === 'ArrowUp') openAt(-1);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const last = count - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const to = moves[e.key];
    if (to !== undefined) setActive(to);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    // The timeline's shortcuts (arrows step the journey) must not see keys the menu used.
    e.stopPropagation();
  };

  const menuItem = (item: Item, index: number) => (
    <button
      key={item.kind === 'example' ? item.id : 'gallery'}
      ref={(el) => {
        items.current[index] = el;
      }}
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="menu-item"
      onClick={() => pick(item)}
      onPointerMove={() => setActive(index)}
    >
      {item.kind === 'example' ? (
        <>
          <span className="menu-item-title">{item.title}</span>
          <span className="menu-item-blurb">{item.blurb}</span>
        </>
      ) : (
        <span className="menu-item-title">All scenarios…</span>
      )}
    </button>
  );

  return (
    <div className="examples-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn btn-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        Examples
        <span aria-hidden="true" className="menu-caret">
          ▾
        </span>
      </button>
      {open && (
        <div id={menuId} className="menu" role="menu" aria-label="Examples" onKeyDown={onMenuKey}>
          <div role="group" aria-labelledby={`${menuId}-manifests`}>
            <div id={`${menuId}-manifests`} className="menu-group-title" role="presentation">
              Manifests <span className="menu-group-note">replace pod.yaml</span>
            </div>
            {exampleItems.map((item, i) => menuItem(item, i))}
          </div>
          <div role="separator" className="menu-separator" />
          <div role="group" aria-labelledby={`${menuId}-scenarios`}>
            <div id={`${menuId}-scenarios`} className="menu-group-title" role="presentation">
              Scenarios
            </div>
            {menuItem(GALLERY_ITEM, exampleItems.length)}
          </div>
        </div>
      )}
    </div>
  );
}

/** The editor header's actions: Reset the scenario's files, and the Examples menu. */
export function EditorMenu() {
  const edited = useEdited();
  const reset = useJourney((s) => s.resetDrafts);
  const presetId = useJourney((s) => s.presetId);
  const selectPreset = useJourney((s) => s.selectPreset);
  const [galleryOpen, setGalleryOpen] = useState(false);
  return (
    <div className="editor-draft-actions">
      <button
        type="button"
        className="btn btn-small"
        disabled={!edited}
        title="Put the scenario's three files back to their original texts"
        onClick={reset}
      >
        Reset
      </button>
      <ExamplesMenu onGallery={() => setGalleryOpen(true)} />
      {/* The gallery of the top bar, mounted only while open (its ids are the top bar's too). */}
      {galleryOpen && (
        <ScenarioGallery
          open
          current={presetId}
          onPick={(id) => {
            setGalleryOpen(false);
            selectPreset(id);
          }}
          onClose={() => setGalleryOpen(false)}
        />
      )}
    </div>
  );
}
