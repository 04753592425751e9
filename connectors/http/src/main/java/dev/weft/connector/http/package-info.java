/**
 * HTTP(S) APIs as sources and targets ({@code connection: api}, an {@code http:} or {@code https:}
 * URL), over {@link java.net.http.HttpClient}. The entry point is {@link
 * dev.weft.connector.http.HttpConnector}, found through {@link java.util.ServiceLoader}.
 *
 * <p><b>Source.</b> {@code endpoint} (a path under the system URL, which may carry a query
 * string), {@code records} (where the records are in each page; absent: the body is an array or
 * one record), {@code paginate} ({@code none}, {@code page}, {@code offset}, {@code cursor},
 * {@code link}), {@code incremental: {field, param}}. One page is one batch, split when it holds
 * more than the engine's batch size. The checkpoint is a small JSON text: the next page (number,
 * offset, cursor or URL), how many records of it were read, and the incremental values. Record
 * positions read {@code page=7#3}, {@code offset=300#3}, {@code cursor=abc#3}, {@code
 * link=<url>#3}, with {@code ;since=<value>} for incremental reads so that positions (and the
 * message ids made from them) differ between runs.
 *
 * <p><b>Target.</b> {@code endpoint} with {@code {{field}}} templates sends one request per record
 * (by default at most 8 in flight); {@code batch: N} sends arrays of up to N records. POSTs carry {@code
 * Idempotency-Key}. 2xx is written; another 4xx rejects the record with the status and the start
 * of the answer.
 *
 * <p><b>Auth.</b> {@code none}, {@code api-key} (header or query), {@code basic}, {@code bearer},
 * {@code oauth2-client-credentials}. {@code oauth2-authorization-code} needs {@code weft serve}.
 *
 * <p><b>System options</b> (under {@code options:}):
 *
 * <ul>
 *   <li>{@code timeout}: the per-request timeout, e.g. {@code 30s} (default 60 s), or {@code
 *       {connect: 5s, request: 2m}} (connect default 10 s);
 *   <li>{@code concurrency}: requests a target sends at once (default 8, at most 64);
 *   <li>{@code token_auth}: {@code basic} (default) sends the OAuth 2 client id and secret in a
 *       basic auth header, {@code form} in the token request's form;
 *   <li>the format options of {@link dev.weft.formats.FormatOptions#from}: {@code delimiter},
 *       {@code header}, {@code quote}, {@code xml_root}, {@code xml_element}.
 * </ul>
 *
 * <p><b>Failures.</b> Connection errors, timeouts, 408, 429 and 5xx are retried as the flow's
 * {@code errors.retry} says ({@code attempts} in all, exponential {@code backoff} with jitter up
 * to {@code max_backoff}, or the server's {@code Retry-After}), then raised as {@link
 * dev.weft.connector.TransientException}. 401 renews an OAuth 2 token once; a 401 or 403 that
 * remains is a {@link dev.weft.connector.ConfigException}. The system's {@code rate_limit} is
 * shared by the source and the sink of one run.
 */
package dev.weft.connector.http;
