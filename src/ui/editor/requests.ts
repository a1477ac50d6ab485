/**
 * What other panels ask of the editor: show a line (a failure clicked in the timeline, the result
 * banner or the inspector) or format the document. A small store of its own, so asking never
 * re-renders the journey's subscribers; the editor panel answers each request once.
 */
import { create } from 'zustand';
import type { ScenarioFile } from '@sim';
import { useJourney } from '../store/store';

export interface RevealRequest {
  file: ScenarioFile;
  line: number;
  column: number;
}

interface EditorRequests {
  /** A line to show, until the editor has shown it (a new object per request). */
  reveal?: RevealRequest;
  /** Format asked for, until the editor has formatted. */
  format: boolean;
  revealLine(request: RevealRequest): void;
  formatDocument(): void;
  /** The editor answered the request. */
  done(request: 'reveal' | 'format'): void;
}

export const useEditorRequests = create<EditorRequests>()((set) => ({
  format: false,
  revealLine(request) {
    const journey = useJourney.getState();
    journey.setActiveFile(request.file);
    // On a phone the editor shares the screen with the journey: bring it forward.
    journey.setMobileView('manifest');
    set({ reveal: { ...request } });
  },
  formatDocument: () => set({ format: true }),
  done: (request) => set(request === 'reveal' ? { reveal: undefined } : { format: false }),
}));
