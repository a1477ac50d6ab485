// The UI layer's public surface, used by the composition root (src/app). The design tokens and base
// styles load with the theme (store/theme.ts), so this index stays free of side effects.

export { TopBar } from './topbar/TopBar';
export { EditorPanel } from './editor/EditorPanel';
export { Stage } from './stage/Stage';
export { Timeline } from './timeline/Timeline';
export { Transport } from './timeline/Transport';
export { StepSlider } from './timeline/StepSlider';
export { usePlaybackLoop } from './timeline/usePlaybackLoop';
export { useKeyboardShortcuts } from './timeline/useKeyboardShortcuts';
export { Inspector } from './inspector/Inspector';
export { MobileViewSwitch } from './common/MobileViewSwitch';
export { useMediaQuery } from './common/useMediaQuery';
export { afterFirstContentfulPaint } from './common/afterPaint';
export { mountPage, type FirstScreen } from './common/mountPage';
export { readRunFilesWith } from './store/recorded';
export {
  firstJourney,
  firstScreenOf,
  useJourney,
  type JourneyState,
  type MobileView,
  type WorkspaceParts,
} from './store/store';
export { createDraftSaver, hasSavedDrafts, loadDrafts, rememberDrafts } from './store/persist';
export { resolveTheme, type Theme, type ThemePref } from './store/theme';
export { PresentView, NotesView, enterPresent, leavePresent, usePresentMode, type PageMode } from './present';
export { ShareDialog } from './share/ShareDialog';
