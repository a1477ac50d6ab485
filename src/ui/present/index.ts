// Present mode's public surface: the projector view, the speaker notes window and the switches.
export { PresentView } from './PresentView';
export { NotesView } from './NotesView';
export { enterPresent, leavePresent, usePresentMode, type PageMode } from './presentMode';
