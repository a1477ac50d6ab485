import { CrossIcon, WarnIcon } from './icons';
import './notice.css';

export interface NoticeProps {
  tone: 'info' | 'warning';
  text: string;
  onDismiss: () => void;
}

/** A short message the person can read and dismiss; announced politely, the tone said by an icon too. */
export function Notice({ tone, text, onDismiss }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      {tone === 'warning' && <WarnIcon />}
      <span className="notice-text">{text}</span>
      <button type="button" className="btn btn-icon notice-dismiss" aria-label="Dismiss" onClick={onDismiss}>
        <CrossIcon />
      </button>
    </div>
  );
}
