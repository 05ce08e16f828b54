/** The one message for "the course server is not there", so learners always see the same fix. */
export function ServerError({ message }: { message: string }) {
  return (
    <p className="server-error" role="alert" data-testid="server-error">
      {message}
    </p>
  );
}
