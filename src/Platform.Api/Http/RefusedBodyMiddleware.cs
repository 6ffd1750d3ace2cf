namespace Platform.Api.Http;

/// <summary>
/// Ends the connection after an error response to a request that carried a body, so that refusing a request before
/// its body is read is safe.
/// </summary>
/// <remarks>
/// Why: many refusals happen before anything reads the body: 429 from the rate limit, 413 and 415 from
/// <see cref="RequestBodyMiddleware"/>, 401 and 403 from authentication and authorisation, a 400 for a bad header,
/// a 503 while the database is down. On a kept-alive HTTP/1.1 connection Kestrel then has to drain the unread rest of
/// the body itself, after the response, before it can parse the next request on that connection; that drain runs under
/// its own drain timeout and the MinRequestBodyDataRate check, on the heartbeat's schedule. Under load, with bodies
/// still arriving, one of those timers can fire while the drain's read is pending, and Kestrel's next read on the
/// connection then finds a read still in progress: it logs "Connection processing ended abnormally:
/// System.InvalidOperationException: Reading is already in progress" and drops the connection, failing whatever the
/// client had sent next on it (seen about once per 11,000 concurrent refused requests). Reading the body ourselves to
/// drain it would only add a second reader racing Kestrel's. Sending <c>Connection: close</c> instead tells Kestrel
/// not to keep the connection alive, and Kestrel skips the drain entirely when it will not keep the connection: the
/// response is delivered and the connection ends cleanly. A client pays one new connection after an error response
/// to a request with a body, which is cheap next to a dropped request.
/// </remarks>
internal sealed class RefusedBodyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode >= 400)
                {
                    context.Response.Headers.Connection = "close";
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
