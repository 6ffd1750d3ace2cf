using System.Text.Json;
using MediatR;
using Platform.Api.Http;
using Platform.Application.Operations;
using Platform.Application.Operations.Commands.RecordCspViolations;

namespace Platform.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/csp-reports</c>: where browsers report Content-Security-Policy violations of our HTML pages, in the
/// legacy <c>application/csp-report</c> format (<c>report-uri</c>) or the Reporting API's
/// <c>application/reports+json</c> (<c>report-to</c>). Anonymous, capped at 16 KiB, rate-limited per client IP
/// (<c>RateLimiting:CspReports</c>); answered 204.
/// </summary>
internal static class CspReportEndpoints
{
    public const string Path = "/api/v1/csp-reports";

    public const long MaxBodyBytes = 16 * 1024;

    public static void MapCspReportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ReceiveCspReport).WithName(nameof(ReceiveCspReport)).WithTags("Operations").AllowAnonymous()
            .WithMetadata(new RouteBodyMetadata(MaxBodyBytes, RouteBodyMetadata.CspReportMediaTypes), new RateLimitPolicyMetadata("csp", o => o.CspReports))
            .Produces(StatusCodes.Status204NoContent).ApiProblems(400, 413, 415, 429);

    public static async Task<IResult> ReceiveCspReport(HttpContext context, IMediator mediator)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await Problems.WriteAsync(context, 400, ProblemCodes.Malformed, "Bad Request", "The body is not JSON.");
            return TypedResults.Empty;
        }

        using (document)
        {
            var violations = Read(document.RootElement);
            if (violations.Count == 0)
            {
                await Problems.WriteAsync(context, 400, ProblemCodes.Malformed, "Bad Request", "The body holds no CSP violation report (a csp-report object, or a list of csp-violation reports).");
                return TypedResults.Empty;
            }

            await mediator.Send(new RecordCspViolationsCommand(violations), context.RequestAborted);
            return TypedResults.NoContent();
        }
    }

    /// <summary>The violations of either format; an empty list when the body is neither.</summary>
    private static List<CspViolation> Read(JsonElement root)
    {
        var violations = new List<CspViolation>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("csp-report", out var legacy) && legacy.ValueKind == JsonValueKind.Object)
        {
            violations.Add(new CspViolation(
                Text(legacy, "effective-directive") ?? Text(legacy, "violated-directive"),
                Text(legacy, "disposition"),
                Text(legacy, "blocked-uri"),
                Text(legacy, "document-uri"),
                Text(legacy, "source-file"),
                Number(legacy, "line-number")));
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var report in root.EnumerateArray().Take(RecordCspViolationsCommand.MaxViolations))
            {
                if (report.ValueKind == JsonValueKind.Object && Text(report, "type") == "csp-violation"
                    && report.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
                {
                    violations.Add(new CspViolation(
                        Text(body, "effectiveDirective"),
                        Text(body, "disposition"),
                        Text(body, "blockedURL"),
                        Text(body, "documentURL") ?? Text(report, "url"),
                        Text(body, "sourceFile"),
                        Number(body, "lineNumber")));
                }
            }
        }

        return violations;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;
}
