/**
 * The largest request body the collection server takes (a submission: its id, the version it
 * replaces and the document), in bytes of UTF-8 JSON. The server refuses a larger one with 413;
 * the client measures a submission against it before sending. A 214-indicator document is about
 * 20 KB, so only something pasted into a text field by mistake comes near it.
 */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
