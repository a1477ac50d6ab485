import { useJourney } from '../store/store';
import { Notice } from '../common/Notice';

/** The store's notice (saved drafts restored, unreadable or not saved) above the problems line. */
export function EditorNotice() {
  const notice = useJourney((s) => s.notice);
  const dismiss = useJourney((s) => s.dismissNotice);
  return notice ? <Notice tone={notice.tone} text={notice.text} onDismiss={dismiss} /> : null;
}
