import { useCascadeTexts } from './texts';

/** The end of a cascade form: save, cancel (which closes it unsaved), and what went wrong on the last save. */
export function FormFooter({ onCancel, error }: { onCancel: () => void; error: string | null | undefined }) {
  const x = useCascadeTexts();
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="button button--primary">{x.save}</button>
        <button type="button" className="button" onClick={onCancel}>{x.cancel}</button>
      </div>
      {error && <p role="alert">{error}</p>}
    </>
  );
}
