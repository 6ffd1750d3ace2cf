using System.Diagnostics;
using System.Text.Json;
using Platform.Application.Common.Messaging;

namespace Platform.Api.Http;

/// <summary>Writes RFC 9457 problem details with the stable <c>code</c>, <c>request_id</c> and <c>trace_id</c> extensions.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>The <see cref="HttpContext.Items"/> key holding the code of the problem written, for the request log line.</summary>
    public const string CodeItem = "platform.problem_code";

    public static string TypeFor(string code) => $"https://platform.dev/problems/{code}";

    public static Task WriteAsync(
        HttpContext context,
        int status,
        string code,
        string title,
        string detail,
        IReadOnlyDictionary<string, string[]>? errors = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = TypeFor(code),
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = context.Request.Path.Value,
            ["code"] = code,
            ["request_id"] = context.TraceIdentifier,
            ["trace_id"] = Activity.Current?.TraceId.ToHexString(),
        };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            body.TryAdd(name, value);
        }

        context.Items[CodeItem] = code;
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, ApplicationJson.Options), context.RequestAborted);
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };
}
