using MediatR;
using Microsoft.Extensions.Options;
using Platform.Api.Http;
using Platform.Application.Status;
using Platform.Application.Status.Queries.GetStatusPage;

namespace Platform.Api.StatusPage;

/// <summary>
/// The public reads of the status snapshot: our JSON, Statuspage-compatible JSON, an Atom feed and the HTML page.
/// Anonymous, rate limited per client IP, cacheable for <see cref="StatusPageOptions.MaxAgeSeconds"/>.
/// </summary>
internal static class StatusPageEndpoints
{
    private static readonly string ReportingEndpoints = $"{StatusPageHtml.ReportGroup}=\"{Endpoints.CspReportEndpoints.Path}\"";

    public static void MapStatusPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/status", GetStatus).WithName(nameof(GetStatus)).WithTags("Status").AllowAnonymous()
            .Produces<StatusSummaryResponse>().Produces(StatusCodes.Status304NotModified).ApiProblems(429);
        app.MapGet("/api/v2/status.json", GetStatuspageStatus).WithName(nameof(GetStatuspageStatus)).WithTags("Status").AllowAnonymous()
            .Produces<StatuspageStatusDocument>().Produces(StatusCodes.Status304NotModified).ApiProblems(429);
        app.MapGet("/api/v2/summary.json", GetStatuspageSummary).WithName(nameof(GetStatuspageSummary)).WithTags("Status").AllowAnonymous()
            .Produces<StatuspageSummaryDocument>().Produces(StatusCodes.Status304NotModified).ApiProblems(429);
        app.MapGet("/api/v1/status/incidents.atom", GetIncidentFeed).WithName(nameof(GetIncidentFeed)).WithTags("Status").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml").Produces(StatusCodes.Status304NotModified).ApiProblems(429);
        app.MapGet("/status", GetStatusPage).WithName(nameof(GetStatusPage)).WithTags("Status").AllowAnonymous().ExcludeFromDescription();
    }

    public static async Task<IResult> GetStatus(HttpContext context, IMediator mediator)
    {
        var snapshot = await mediator.Send(new GetStatusPageQuery(), context.RequestAborted);
        return PublicRead.Snapshot(context, snapshot, "v1", "application/json", static (http, s) => PublicRead.SerializeJson(http, StatusDocuments.V1(s)));
    }

    public static async Task<IResult> GetStatuspageStatus(HttpContext context, IMediator mediator)
    {
        var snapshot = await mediator.Send(new GetStatusPageQuery(), context.RequestAborted);
        return PublicRead.Snapshot(context, snapshot, "v2-status", "application/json", static (http, s) =>
        {
            var options = Options(http);
            return PublicRead.SerializeJson(http, StatusDocuments.Status(s, options, PageUrl(options)));
        });
    }

    public static async Task<IResult> GetStatuspageSummary(HttpContext context, IMediator mediator)
    {
        var snapshot = await mediator.Send(new GetStatusPageQuery(), context.RequestAborted);
        return PublicRead.Snapshot(context, snapshot, "v2-summary", "application/json", static (http, s) =>
        {
            var options = Options(http);
            return PublicRead.SerializeJson(http, StatusDocuments.Summary(s, options, PageUrl(options)));
        });
    }

    public static async Task<IResult> GetIncidentFeed(HttpContext context, IMediator mediator)
    {
        var snapshot = await mediator.Send(new GetStatusPageQuery(), context.RequestAborted);
        return PublicRead.Snapshot(context, snapshot, "atom", "application/atom+xml; charset=utf-8", static (http, s) =>
        {
            var options = Options(http);
            return AtomFeed.Render(s, options, PageUrl(options), FeedUrl(options));
        });
    }

    public static async Task<IResult> GetStatusPage(HttpContext context, IMediator mediator, IHostEnvironment environment)
    {
        var snapshot = await mediator.Send(new GetStatusPageQuery(), context.RequestAborted);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = StatusPageHtml.ContentSecurityPolicy;
        headers["Reporting-Endpoints"] = ReportingEndpoints;
        if (!environment.IsProduction())
        {
            headers.ContentSecurityPolicyReportOnly = StatusPageHtml.ReportOnlyPolicy;
        }

        return PublicRead.Snapshot(context, snapshot, "html", "text/html; charset=utf-8", static (http, s) =>
        {
            var options = Options(http);
            return StatusPageHtml.Render(s, options, FeedUrl(options));
        });
    }

    private static StatusPageOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<StatusPageOptions>>().Value;

    /// <summary>
    /// The page's address: <see cref="StatusPageOptions.PublicUrl"/> when configured, else the path alone. Never the
    /// request's Host header: these responses are publicly cacheable, and a shared cache must not keep links to
    /// whatever host a client claimed.
    /// </summary>
    private static string PageUrl(StatusPageOptions options) =>
        options.PublicUrl.Length > 0 ? options.PublicUrl.TrimEnd('/') : "/status";

    private static string FeedUrl(StatusPageOptions options) =>
        options.PublicUrl.Length > 0 && Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri)
            ? $"{uri.GetLeftPart(UriPartial.Authority)}/api/v1/status/incidents.atom"
            : "/api/v1/status/incidents.atom";
}
