import { useEffect, useState } from 'react';
import { useJourney } from '../store/store';
import { notesAt, openChannel, readNotesMessage, type NotesMessage } from './notes';
import { NOTES_FLAG, PRESENT_FLAG } from './presentMode';
import { withFlag } from './query';
import { forwardsKey, pressKey } from './usePresentKeys';
import { ownsKey } from '../common/keyboard';

export type StepMessage = Extract<NotesMessage, { type: 'step' }>;

/** Opens the speaker notes window: this page with `?notes` instead of `?present`, at the same scenario. */
export function openNotesWindow(): void {
  const search = withFlag(withFlag(location.search, PRESENT_FLAG, false), NOTES_FLAG, true);
  window.open(`${location.pathname}${search}${location.hash}`, 'pod-journey-notes', 'popup,width=760,height=680');
}

/** The presenting window: tells the notes window every step it moves to, and the current one when asked. */
export function useNotesBroadcast(): void {
  useEffect(() => {
    const channel = openChannel();
    if (!channel) return;
    const send = () => {
      const s = useJourney.getState();
      const message: StepMessage = {
        type: 'step',
        presetId: s.presetId,
        scenarioTitle: s.source.title,
        notes: notesAt(s.trace, s.playhead.index),
      };
      channel.postMessage(message);
    };
    channel.onmessage = (e: MessageEvent) => {
      const m = readNotesMessage(e.data);
      if (m?.type === 'hello') send();
      if (m?.type === 'key') pressKey(m.key);
    };
    send();
    const unsubscribe = useJourney.subscribe((s, prev) => {
      if (s.trace !== prev.trace || s.playhead.index !== prev.playhead.index) send();
    });
    return () => {
      unsubscribe();
      channel.close();
    };
  }, []);
}

/**
 * The notes window: the latest step the presenting window sent (it asks once on opening). `connected`
 * is false where the browser has no BroadcastChannel.
 */
export function useNotesReceiver(): { connected: boolean; message?: StepMessage } {
  const [connected] = useState(() => typeof BroadcastChannel !== 'undefined');
  const [message, setMessage] = useState<StepMessage>();
  useEffect(() => {
    const channel = openChannel();
    if (!channel) return;
    channel.onmessage = (e: MessageEvent) => {
      const m = readNotesMessage(e.data);
      if (m?.type === 'step') setMessage(m);
    };
    channel.postMessage({ type: 'hello' } satisfies NotesMessage);
    // The clicker's keys arrive in the window that has the focus, often this one: they go to the
    // presenting window, which moves and tells this one.
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || ownsKey(e.target, e.key)) return;
      if (!forwardsKey(e.key)) return;
      e.preventDefault();
      channel.postMessage({ type: 'key', key: e.key } satisfies NotesMessage);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      channel.close();
    };
  }, []);
  return { connected, ...(message ? { message } : {}) };
}
