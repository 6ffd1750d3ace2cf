using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.Application.Common.Messaging;
using Platform.Application.Status;
using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

/// <summary>
/// The public status page as server-rendered HTML: no script at all, one inline style sheet allowed by its hash in
/// the Content-Security-Policy, readable on a phone and a desktop, dark mode from the system setting, WCAG 2.1 AA
/// contrast, and every status told in words as well as colour. Every value from the database is HTML-encoded.
/// </summary>
internal static class StatusPageHtml
{
    // Colours: text on its background is at least 4.5:1 and status swatches at least 3:1 against the page, in both
    // schemes (checked with the WCAG relative-luminance formula; see docs/api.md).
    private const string Css = """
        :root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--card:#f6f8fa;--line:#d1d9e0;--ok:#1a7f37;--degraded:#9a6700;--partial:#bc4c00;--major:#cf222e;--maint:#0969da;--none:#818b98}
        @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--card:#151b23;--line:#3d444d;--ok:#3fb950;--degraded:#d29922;--partial:#db6d28;--major:#f85149;--maint:#4493f8;--none:#656c76}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        main{max-width:56rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.5rem 0 1rem}
        h2{font-size:1.2rem;margin:2rem 0 .75rem}
        h3,h4{font-size:1rem;margin:0}
        a{color:var(--maint)}
        .overall{padding:1rem;border-radius:.5rem;border-left:.5rem solid var(--ok);background:var(--card);font-size:1.15rem;font-weight:600}
        .overall.minor{border-color:var(--degraded)}.overall.major{border-color:var(--partial)}.overall.critical{border-color:var(--major)}.overall.maintenance{border-color:var(--maint)}
        .group{margin:1.25rem 0 .25rem;font-weight:600;color:var(--muted)}
        .service{border:1px solid var(--line);border-radius:.5rem;padding:.75rem;margin:.5rem 0;background:var(--card)}
        .row{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem}
        .badge{font-weight:600}
        .badge::before{content:"";display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.4rem;background:currentColor}
        .s-operational{color:var(--ok)}.s-degraded_performance{color:var(--degraded)}.s-partial_outage{color:var(--partial)}.s-major_outage{color:var(--major)}.s-under_maintenance{color:var(--maint)}
        .bar{display:flex;gap:1px;margin:.5rem 0 .25rem;padding:0;list-style:none;height:2rem}
        .bar li{flex:1;min-width:1px;border-radius:1px;background:var(--none)}
        .bar .d-operational{background:var(--ok)}.bar .d-degraded_performance{background:var(--degraded)}.bar .d-partial_outage{background:var(--partial)}.bar .d-major_outage{background:var(--major)}.bar .d-under_maintenance{background:var(--maint)}
        .meta{color:var(--muted);font-size:.875rem}
        .scale{display:flex;justify-content:space-between;gap:1rem}
        .i-none::before{background:var(--muted)}.i-minor{color:var(--degraded)}.i-major{color:var(--partial)}.i-critical{color:var(--major)}
        .resolved{color:var(--ok)}
        .incident{border:1px solid var(--line);border-radius:.5rem;padding:.75rem;margin:.75rem 0}
        .incident ol{margin:.5rem 0 0;padding-left:1.25rem}
        .empty{color:var(--muted)}
        footer{margin:2rem 0 1rem;color:var(--muted);font-size:.875rem}
        """;

    /// <summary>The Reporting-Endpoints group the policies report to, and its header value.</summary>
    public const string ReportGroup = "csp";

    private static readonly string StyleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)));

    /// <summary>The policy for the page: nothing but this style sheet (and a blank favicon) may load; violations are reported.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{StyleHash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; {Reporting}";

    /// <summary>
    /// A stricter policy, reported and not enforced, sent outside Production: the same, plus Trusted Types with no
    /// policy allowed, so a change that adds script or DOM sinks shows up in reports (and in the browser test, which
    /// fails on any violation) before it reaches Production.
    /// </summary>
    public static string ReportOnlyPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{StyleHash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'; {Reporting}";

    private static string Reporting => $"report-uri {Endpoints.CspReportEndpoints.Path}; report-to {ReportGroup}";

    public static byte[] Render(StatusPageSnapshot snapshot, StatusPageOptions options, string feedUrl)
    {
        var html = new StringBuilder(64 * 1024);
        var name = Html.Encode(options.Name);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{name} status</title>")
            .Append("<link rel=\"icon\" href=\"data:,\">")
            .Append(CultureInfo.InvariantCulture, $"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Incidents\" href=\"{Html.Encode(feedUrl)}\">")
            .Append("<style>").Append(Css).Append("</style></head><body><main>")
            .Append(CultureInfo.InvariantCulture, $"<h1>{name} status</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"overall {WireNames.Of(snapshot.Overall.Indicator)}\" role=\"status\">{Html.Encode(snapshot.Overall.Description)}</p>");

        ActiveIncidents(html, snapshot);
        Maintenances(html, snapshot);
        Services(html, snapshot);
        History(html, snapshot);

        html.Append(CultureInfo.InvariantCulture, $"<footer>Updated {Time(snapshot.GeneratedAt)}. ")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.Encode(feedUrl)}\">Incident feed (Atom)</a> · <a href=\"/api/v1/status\">JSON</a></footer>")
            .Append("</main></body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void Services(StringBuilder html, StatusPageSnapshot snapshot)
    {
        html.Append("<section aria-labelledby=\"services\"><h2 id=\"services\">Services</h2>");
        if (snapshot.Services.Count == 0)
        {
            html.Append("<p class=\"empty\">No services are listed yet.</p>");
        }

        string? group = null;
        foreach (var entry in snapshot.Services)
        {
            var s = entry.Service;
            if (s.Group is not null && s.Group != group)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3 class=\"group\">{Html.Encode(s.Group)}</h3>");
            }

            group = s.Group;
            var status = WireNames.Of(s.Status);
            var uptime = entry.Uptime.UptimePercent is { } percent ? $"{percent.ToString("0.00", CultureInfo.InvariantCulture)}% uptime" : "No uptime data yet";

            // Services in a group sit one heading level below the group's name.
            var level = s.Group is null ? "h3" : "h4";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"service\" id=\"service-{Html.Encode(s.Slug)}\"><div class=\"row\">")
                .Append(CultureInfo.InvariantCulture, $"<{level} class=\"name\">{Html.Encode(s.Name)}</{level}>")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"badge s-{status}\">{StatusText.Service(s.Status)}</span></div>");
            if (s.Description.Length > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Html.Encode(s.Description)}</p>");
            }

            // The bar is a picture of the figures next to it; screen readers get the figures.
            html.Append("<ol class=\"bar\" aria-hidden=\"true\">");
            foreach (var day in entry.Uptime.Days)
            {
                var css = day.UptimePercent is null && day.WorstStatus == ServiceStatus.Operational ? "d-none" : $"d-{WireNames.Of(day.WorstStatus)}";
                var figure = day.UptimePercent is { } p ? $"{p.ToString("0.00", CultureInfo.InvariantCulture)}%" : "no data";
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"{css}\" title=\"{day.Date:yyyy-MM-dd}: {figure}, {StatusText.Service(day.WorstStatus)}\"></li>");
            }

            html.Append(CultureInfo.InvariantCulture, $"</ol><div class=\"scale meta\"><span>{entry.Uptime.Days.Count} days ago</span><span>Today</span></div>")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{uptime} over the last {entry.Uptime.Days.Count} days</p></div>");
        }

        html.Append("</section>");
    }

    private static void ActiveIncidents(StringBuilder html, StatusPageSnapshot snapshot)
    {
        if (snapshot.ActiveIncidents.Count == 0)
        {
            return;
        }

        html.Append("<section aria-labelledby=\"active\"><h2 id=\"active\">Active incidents</h2>");
        foreach (var incident in snapshot.ActiveIncidents)
        {
            Incident(html, incident, snapshot);
        }

        html.Append("</section>");
    }

    private static void Maintenances(StringBuilder html, StatusPageSnapshot snapshot)
    {
        if (snapshot.Maintenances.Count == 0)
        {
            return;
        }

        html.Append("<section aria-labelledby=\"maintenance\"><h2 id=\"maintenance\">Scheduled maintenance</h2>");
        foreach (var m in snapshot.Maintenances)
        {
            html.Append(CultureInfo.InvariantCulture, $"<article class=\"incident\" id=\"maintenance-{m.Id}\"><div class=\"row\"><h3>{Html.Encode(m.Title)}</h3>")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"badge s-under_maintenance\">{StatusText.Maintenance(m.Status)}</span></div>")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Time(m.StartsAt)} to {Time(m.EndsAt)} · {Html.Encode(ServiceNames(m.AffectedServiceIds, snapshot))}</p>");
            if (m.Description.Length > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{Html.Encode(m.Description)}</p>");
            }

            html.Append("</article>");
        }

        html.Append("</section>");
    }

    private static void History(StringBuilder html, StatusPageSnapshot snapshot)
    {
        html.Append("<section aria-labelledby=\"history\"><h2 id=\"history\">Past incidents (14 days)</h2>");
        if (snapshot.RecentIncidents.Count == 0)
        {
            html.Append("<p class=\"empty\">No incidents in the last 14 days.</p>");
        }

        foreach (var incident in snapshot.RecentIncidents)
        {
            Incident(html, incident, snapshot);
        }

        html.Append("</section>");
    }

    private static void Incident(StringBuilder html, IncidentDto incident, StatusPageSnapshot snapshot)
    {
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"incident\" id=\"incident-{incident.Id}\"><div class=\"row\"><h3>{Html.Encode(incident.Title)}</h3>")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"badge {(incident.ResolvedAt is null ? $"i-{WireNames.Of(incident.Impact)}" : "resolved")}\">{StatusText.Incident(incident.Status)} · impact {StatusText.Impact(incident.Impact).ToLowerInvariant()}</span></div>");
        if (incident.AffectedServiceIds.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Affects {Html.Encode(ServiceNames(incident.AffectedServiceIds, snapshot))}</p>");
        }

        html.Append("<ol reversed>");
        foreach (var update in incident.Updates.OrderByDescending(u => u.CreatedAt))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><strong>{StatusText.Incident(update.Status)}</strong> <span class=\"meta\">{Time(update.CreatedAt)}</span><br>{Html.Encode(update.Message)}</li>");
        }

        html.Append("</ol></article>");
    }

    private static string ServiceNames(IEnumerable<Guid> ids, StatusPageSnapshot snapshot)
    {
        var names = ids.Select(id => snapshot.Services.FirstOrDefault(s => s.Service.Id == id)?.Service.Name).OfType<string>().ToList();
        return names.Count == 0 ? "no listed service" : string.Join(", ", names);
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
