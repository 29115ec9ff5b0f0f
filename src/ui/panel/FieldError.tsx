/** A refused value's message under its field; role alert so that it is read out when it appears. */
export function FieldError({ id, message }: { readonly id: string; readonly message: string | null }) {
  if (message === null) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}
