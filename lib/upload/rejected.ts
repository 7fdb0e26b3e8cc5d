/** An upload refused for a reason the client can fix: answered with `status` and `{ error }`. */
export class UploadRejected extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 413 | 415 | 422 | 429,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
