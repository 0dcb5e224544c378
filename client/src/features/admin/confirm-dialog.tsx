import { Dialog } from '../../components/dialog';
import { useAdminTexts } from './admin-texts';

/** Asks before something that cannot be undone (deleting, revoking); the safe choice gets focus first. */
export function ConfirmDialog(props: { title: string; question: string; confirm: string; onConfirm: () => void; onClose: () => void }) {
  const x = useAdminTexts();
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <p>{props.question}</p>
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={props.onConfirm}>{props.confirm}</button>
        <button type="button" className="button" data-autofocus onClick={props.onClose}>{x.cancel}</button>
      </div>
    </Dialog>
  );
}
