/**
 * A refused or failed upload in a plain sentence that says what to do, with the server's own
 * words where they name the file or the limit (statuses: README, "Uploading results").
 * `status` 0 is a request that never got an answer.
 */
export function explainRefusal(status: number, serverMessage: string | null, retryAfter?: string | null): string {
  const said = serverMessage ? ` (the server said: ${serverMessage})` : "";
  switch (status) {
    case 0:
      return "The server could not be reached, so nothing was imported: check your connection and send again.";
    case 400:
      return `The upload did not arrive whole, so nothing was imported: send again${said}.`;
    case 401:
      return `The token was not accepted: check it for typos, or ask the instance's operator for a new one (revoked tokens stop working)${said}.`;
    case 403:
      return serverMessage?.startsWith("uploads are off")
        ? "Uploads are off on this instance: an operator turns them on by creating a token with npm run token -- create NAME on the server."
        : `This token may not upload into that dataset: use a dataset name the token allows, or ask for a token without that limit${said}.`;
    case 413:
      return `The upload is over one of the instance's size limits, so nothing was imported: send fewer or smaller files at a time, or ask the operator to raise the limit${said}.`;
    case 415:
      return `The server did not take the upload's format: reload the page and send again${said}.`;
    case 422:
      return `Nothing in the upload could be imported: check that the files are raw outputs of a supported tool (README, "Supported tools")${said}.`;
    case 429:
      return `Too many uploads with this token in the last minute: wait ${retryAfter ? `${retryAfter} s` : "a minute"} and send again.`;
    default:
      return `The server failed while importing (status ${status}), so the import may be incomplete: send again (files stored already are skipped), or tell the operator if it keeps failing${said}.`;
  }
}
