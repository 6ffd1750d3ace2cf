using System.Diagnostics;
using System.Security.Claims;
using System.Text.RegularExpressions;

namespace Platform.Api.Http;

/// <summary>
/// Gives every request an id (the caller's <c>X-Request-ID</c> when it is 1-128 of <c>[A-Za-z0-9._:-]</c>, else a new
/// one), echoes it with <c>X-Trace-Id</c> on every response, and opens a logging scope carrying request_id,
/// trace_id, span_id and, once known, user_id.
/// </summary>
internal sealed partial class RequestCorrelationMiddleware(RequestDelegate next, ILogger<RequestCorrelationMiddleware> logger)
{
    public const string RequestIdHeader = "X-Request-ID";
    public const string TraceIdHeader = "X-Trace-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[RequestIdHeader].ToString();
        var requestId = incoming.Length > 0 && ValidRequestId().IsMatch(incoming) ? incoming : Guid.CreateVersion7().ToString("N");
        context.TraceIdentifier = requestId;
        var activity = Activity.Current;
        var traceId = activity?.TraceId.ToHexString() ?? string.Empty;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestIdHeader] = requestId;
            context.Response.Headers[TraceIdHeader] = traceId;
            return Task.CompletedTask;
        });

        var scope = new RequestLogScope(context, requestId, traceId, activity?.SpanId.ToHexString() ?? string.Empty);
        using (logger.BeginScope(scope))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex ValidRequestId();

    /// <summary>A scope whose user_id is read when a log line is written, so lines after authentication carry it.</summary>
    private sealed class RequestLogScope(HttpContext context, string requestId, string traceId, string spanId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 4;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("request_id", requestId),
            1 => new("trace_id", traceId),
            2 => new("span_id", spanId),
            _ => new("user_id", context.User.FindFirstValue("sub")),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"request_id:{requestId} trace_id:{traceId}";
    }
}
