namespace Platform.Api.Http;

/// <summary>
/// Ends the connection after an error response to a request that carried a body, so that refusing a request before
/// its body is read is safe.
/// </summary>
/// <remarks>
/// Why: many refusals happen before anything reads the body: 429 from the rate limit, 413 and 415 from
/// <see cref="RequestBodyMiddleware"/>, 401 and 403 from authentication and authorisation, a 400 for a bad header,
/// a 503 while the database is down. On a kept-alive HTTP/1.1 connection Kestrel then drains the unread rest of the
/// body itself, after the response, before it parses the next request on that connection. That drain is bounded by
/// the request's body-size limit (which <see cref="RequestBodyMiddleware"/> lowers), by Kestrel's drain timeout and by
/// MinRequestBodyDataRate, checked on the heartbeat. When one of them trips mid-drain, Kestrel abandons the
/// connection while the client is still sending: the client sees the connection reset ("Error while copying content
/// to a stream"), and when the abort lands while the drain's read is still pending, Kestrel's next read on the
/// connection throws "Reading is already in progress", logged as "Connection processing ended abnormally". Draining
/// the body ourselves would only add a second reader racing Kestrel's. Instead the response says
/// <c>Connection: close</c>: Kestrel does not drain a connection it will not keep, so the response is delivered and
/// the connection ends cleanly. A client pays one new connection after an error response to a request with a body.
/// (FaultToleranceProcessTests: 4,000 concurrent refused requests with bodies lost 620 to connection resets before
/// this, none after.)
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
