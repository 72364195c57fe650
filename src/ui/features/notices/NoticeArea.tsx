/** Transient messages (a restarted worker, a violated invariant), announced politely to screen readers. */
import { useLab, useLabController } from '../../store/LabContext';

export function NoticeArea() {
  const controller = useLabController();
  const notices = useLab((state) => state.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.tone}`} data-testid="notice">
          <p>{notice.text}</p>
          <button type="button" className="notice__dismiss" aria-label="Dismiss" onClick={() => controller.dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
