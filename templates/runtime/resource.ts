import type { BaseClient } from './client.js';

/** Base of every generated resource class: gives it the client that sends its requests. */
export class APIResource {
  protected _client: BaseClient;

  constructor(client: BaseClient) {
    this._client = client;
  }
}
