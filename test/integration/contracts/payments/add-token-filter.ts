import type { IncomingMessage, ServerResponse } from 'node:http';

/** A pact-js style request filter, as a user's repository has one: adds the auth token. */
export default function addToken(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  req.headers.authorization = 'Bearer s3cret';
  next();
}
