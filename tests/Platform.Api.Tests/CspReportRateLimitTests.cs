using System.Net.Http.Headers;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>CSP reports have their own per-IP tier, so a page that reports on every load cannot exhaust the visitor's anonymous budget.</summary>
public sealed class CspReportRateLimitTests : ApiTestBase
{
    private const int WindowSeconds = 3600;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:CspReports:PermitLimit"] = "2",
        ["RateLimiting:CspReports:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [SetUp]
    public Task EnsureWellInsideAWindowAsync() => RateLimitWindow.EnsureWellInsideAsync(Database.DataSource, WindowSeconds);

    [Test]
    public async Task The_third_report_from_one_address_in_the_window_is_429()
    {
        using var client = Client(clientIp: "198.51.100.77");
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var content = new StringContent("""{"csp-report":{"effective-directive":"img-src","blocked-uri":"data"}}""");
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/csp-report");
            statuses.Add((int)(await client.PostAsync("/api/v1/csp-reports", content)).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 204, 204, 429 }));
    }
}
