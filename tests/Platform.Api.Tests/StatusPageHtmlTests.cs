using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>
/// The server-rendered <c>/status</c> page: a strict CSP that allows exactly its one inline style sheet and no script,
/// everything from the database HTML-escaped, every status told in words, and the page usable on a phone.
/// </summary>
public sealed partial class StatusPageHtmlTests : StatusApiTestBase
{
    private static readonly (string Status, string Words)[] StatusWords =
    [
        ("operational", "Operational"),
        ("degraded_performance", "Degraded performance"),
        ("partial_outage", "Partial outage"),
        ("major_outage", "Major outage"),
        ("under_maintenance", "Under maintenance"),
    ];

    private async Task<(HttpResponseMessage Response, string Html)> PageAsync()
    {
        var response = await AnonymousGetAsync("/status");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), html);
        return (response, html);
    }

    /// <summary>The text a reader sees in the markup of the service with <paramref name="slug"/>: tags and attributes removed.</summary>
    private static string ServiceText(string html, string slug)
    {
        var start = html.IndexOf($"id=\"service-{slug}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no service-{slug} on the page");
        var next = html.IndexOf("class=\"service\"", start, StringComparison.Ordinal);
        var end = next >= 0 ? next : html.IndexOf("</section>", start, StringComparison.Ordinal);
        return Tags().Replace(html[start..end], " ");
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("style-src 'sha256-([A-Za-z0-9+/=]+)'")]
    private static partial Regex StyleHash();

    [Test]
    public async Task The_page_is_HTML_with_a_strict_CSP_allowing_its_style_by_hash_and_no_script()
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");

        var (response, html) = await PageAsync();
        var csp = Header(response, "Content-Security-Policy");

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(response.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
            Assert.That(csp, Does.Contain("default-src 'none'"));
            Assert.That(csp, Does.Match("style-src 'sha256-[A-Za-z0-9+/=]{44}'"));
            Assert.That(csp, Does.Not.Contain("unsafe-inline"));
            Assert.That(csp, Does.Not.Contain("script-src"));
            Assert.That(csp, Does.Contain("frame-ancestors 'none'"));
            Assert.That(html, Does.Not.Contain("<script").IgnoreCase);
            Assert.That(html, Does.Not.Match("\\son[a-z]+\\s*=").IgnoreCase, "no event handler attributes");
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
        });
    }

    [Test]
    public async Task The_CSP_hash_is_the_SHA_256_of_the_one_inline_style_sheet_and_no_element_has_a_style_attribute()
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");

        var (response, html) = await PageAsync();
        var start = html.IndexOf("<style>", StringComparison.Ordinal);
        var end = html.IndexOf("</style>", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "an inline style sheet");
        var css = html[(start + "<style>".Length)..end];
        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        var match = StyleHash().Match(Header(response, "Content-Security-Policy") ?? string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(match.Success, Is.True, "the CSP names a style hash");
            Assert.That(match.Groups[1].Value, Is.EqualTo(expected), "the browser would block the style sheet unless the hashes agree");
            Assert.That(Regex.Matches(html, "<style", RegexOptions.IgnoreCase), Has.Count.EqualTo(1), "exactly one style element");
            Assert.That(html, Does.Not.Contain(" style=").IgnoreCase, "style attributes would be blocked by the CSP");
        });
    }

    [Test]
    public async Task The_page_declares_its_language_and_a_viewport_for_phones()
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");

        var (_, html) = await PageAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("<html lang=\"en\">"));
            Assert.That(html, Does.Match("<meta name=\"viewport\" content=\"[^\"]*width=device-width[^\"]*\">"));
            Assert.That(html, Does.Contain("<meta charset=\"utf-8\">"));
            Assert.That(html, Does.Contain("prefers-color-scheme:dark"), "dark mode follows the system setting");
            Assert.That(html, Does.Contain("type=\"application/atom+xml\""), "the incident feed is discoverable");
        });
    }

    [Test]
    public async Task The_page_shows_the_overall_status_each_service_with_its_status_words_and_the_active_incident_with_its_updates()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api", "Public API"));
        await CreateServiceAsync(admin, "web", "Website");
        var incident = IdOf(await CreateIncidentAsync(admin, "Errors on the public API", [api], "We are investigating.", serviceStatus: "partial_outage"));
        await AddUpdateAsync(admin, incident, "identified", "A bad deploy; rolling back.");

        var (_, html) = await PageAsync();
        var apiText = ServiceText(html, "api");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Match("<p class=\"overall [a-z]+\" role=\"status\">Minor Service Outage</p>"));
            Assert.That(apiText, Does.Contain("Public API"));
            Assert.That(apiText, Does.Contain("Partial outage"));
            Assert.That(ServiceText(html, "web"), Does.Contain("Website").And.Contain("Operational"));
            Assert.That(html, Does.Contain("Active incidents"));
            Assert.That(html, Does.Contain($"id=\"incident-{incident}\""));
            Assert.That(html, Does.Contain("Errors on the public API"));
            Assert.That(html, Does.Contain("We are investigating."));
            Assert.That(html, Does.Contain("A bad deploy; rolling back."));
            Assert.That(html.IndexOf("A bad deploy", StringComparison.Ordinal), Is.LessThan(html.IndexOf("We are investigating.", StringComparison.Ordinal)), "newest update first");
        });
    }

    [Test]
    public async Task Every_service_status_is_told_in_words_not_only_by_a_class_or_colour()
    {
        using var admin = await AdminClientAsync();
        foreach (var (status, _) in StatusWords)
        {
            var id = IdOf(await CreateServiceAsync(admin, status.Replace('_', '-'), $"Service {status}"));
            if (status != "operational")
            {
                await RecordEventAsync(admin, id, status);
            }
        }

        var (_, html) = await PageAsync();

        Assert.Multiple(() =>
        {
            foreach (var (status, words) in StatusWords)
            {
                Assert.That(ServiceText(html, status.Replace('_', '-')), Does.Contain(words), status);
            }
        });
    }

    [Test]
    public async Task Each_service_has_a_90_day_uptime_bar_with_a_tooltip_per_day_and_the_uptime_in_text()
    {
        using var admin = await AdminClientAsync();
        await CreateServiceAsync(admin, "api");

        var (_, html) = await PageAsync();
        var start = html.IndexOf("id=\"service-api\"", StringComparison.Ordinal);
        var bar = html[html.IndexOf("<ol class=\"bar\"", start, StringComparison.Ordinal)..html.IndexOf("</ol>", start, StringComparison.Ordinal)];

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(bar, "<li "), Has.Count.EqualTo(90));
            Assert.That(Regex.Matches(bar, "<li [^>]*title=\"\\d{4}-\\d{2}-\\d{2}: "), Has.Count.EqualTo(90));
            Assert.That(ServiceText(html, "api"), Does.Contain("100.00% uptime"));
        });
    }

    [Test]
    public async Task Names_titles_and_messages_are_HTML_escaped()
    {
        using var admin = await AdminClientAsync();
        var evil = IdOf(await CreateServiceAsync(admin, "evil", "<b>Evil</b>", group: "<i>Group</i>", description: "\"quoted\" & <u>under</u>"));
        await CreateIncidentAsync(admin, "<em>Title</em>", [evil], "<img src=x onerror=alert(1)> broke");

        var (_, html) = await PageAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("&lt;b&gt;Evil&lt;/b&gt;"));
            Assert.That(html, Does.Not.Contain("<b>Evil</b>"));
            Assert.That(html, Does.Contain("&lt;i&gt;Group&lt;/i&gt;"));
            Assert.That(html, Does.Not.Contain("<i>"));
            Assert.That(html, Does.Not.Contain("<u>"));
            Assert.That(html, Does.Contain("&lt;em&gt;Title&lt;/em&gt;"));
            Assert.That(html, Does.Not.Contain("<em>"));
            Assert.That(html, Does.Contain("&lt;img src=x onerror=alert(1)&gt; broke"));
            Assert.That(html, Does.Not.Contain("<img"));
        });
    }

    [Test]
    public async Task Scheduled_maintenance_is_shown_with_its_title_and_services()
    {
        using var admin = await AdminClientAsync();
        var db = IdOf(await CreateServiceAsync(admin, "db", "Database"));
        var maintenance = IdOf(await ScheduleMaintenanceAsync(admin, "Database upgrade", [db], DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1).AddHours(2), "Read-only for a while"));

        var (_, html) = await PageAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Scheduled maintenance"));
            Assert.That(html, Does.Contain($"id=\"maintenance-{maintenance}\""));
            Assert.That(html, Does.Contain("Database upgrade"));
            Assert.That(html, Does.Contain("Read-only for a while"));
            Assert.That(html, Does.Contain("Scheduled</span>"), "its status in words");
        });
    }

    [Test]
    public async Task A_resolved_incident_moves_from_active_incidents_to_the_past_14_days()
    {
        using var admin = await AdminClientAsync();
        var api = IdOf(await CreateServiceAsync(admin, "api"));
        var incident = IdOf(await CreateIncidentAsync(admin, "Yesterday's blip", [api], "Looking."));
        await AddUpdateAsync(admin, incident, "resolved", "All fine again.");

        var (_, html) = await PageAsync();
        var history = html.IndexOf("Past incidents (14 days)", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("Active incidents"));
            Assert.That(history, Is.GreaterThanOrEqualTo(0));
            Assert.That(html.IndexOf($"id=\"incident-{incident}\"", StringComparison.Ordinal), Is.GreaterThan(history));
            Assert.That(html, Does.Contain("All fine again."));
            Assert.That(html, Does.Contain("Resolved"));
            Assert.That(html, Does.Contain("All Systems Operational"));
        });
    }
}
