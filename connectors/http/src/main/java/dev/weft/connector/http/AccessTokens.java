package dev.weft.connector.http;

import dev.weft.connector.ConnectorException;

/** Where an OAuth 2 access token comes from: a token endpoint (client credentials) or a customer's grant. */
interface AccessTokens {

  /** A valid access token, renewed first when the one held is about to expire or was refused. */
  String current() throws ConnectorException;

  /** The API refused {@code token} (a 401): the next call renews it, unless it was renewed already. */
  void refuse(String token);
}
