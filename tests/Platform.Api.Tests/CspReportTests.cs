using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// <c>POST /api/v1/csp-reports</c> takes both formats browsers send, logs each violation without the query of any URL,
/// counts it by directive and disposition, and refuses what is not a report (400), too big (413) or another media
/// type (415); the status page points its policies at it, and outside Production also sends a stricter report-only one.
/// </summary>
public sealed class CspReportTests : ApiTestBase
{
    private const string Route = "/api/v1/csp-reports";
    private FakeSeqServer? seq;

    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            seq ??= FakeSeqServer.Start();
            return new Dictionary<string, string?>
            {
                ["Seq:ServerUrl"] = seq.Url.ToString(),
                ["Seq:Period"] = "00:00:00.100",
                ["RateLimiting:CspReports:PermitLimit"] = "1000",
            };
        }
    }

    [OneTimeTearDown]
    public async Task StopSeq()
    {
        if (seq is not null)
        {
            await seq.DisposeAsync();
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType, string? clientIp = null)
    {
        using var client = Client(clientIp: clientIp);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync(Route, content);
    }

    private const string Legacy = """
        {"csp-report":{"document-uri":"https://status.example.com/status?token=secret-in-query","referrer":"","violated-directive":"style-src-elem","effective-directive":"style-src-elem","original-policy":"default-src 'none'","disposition":"enforce","blocked-uri":"https://cdn.example.net/evil.css?session=abc","line-number":12,"source-file":"https://status.example.com/status","status-code":200,"script-sample":""}}
        """;

    private const string ReportingApi = """
        [{"type":"csp-violation","age":10,"url":"https://status.example.com/status","user_agent":"Mozilla/5.0","body":{"documentURL":"https://status.example.com/status","blockedURL":"trusted-types-sink","effectiveDirective":"require-trusted-types-for","disposition":"report","originalPolicy":"require-trusted-types-for 'script'","statusCode":200,"lineNumber":3,"sourceFile":"https://status.example.com/status"}},
         {"type":"deprecation","age":10,"url":"https://status.example.com/status","body":{"id":"x"}}]
        """;

    [Test]
    public async Task A_legacy_report_is_204_logged_without_query_strings_and_counted_by_directive()
    {
        using var scraper = Client();
        const string series = "platform_csp_violations_total{directive=\"style-src-elem\",disposition=\"enforce\"}";
        var before = await MetricsScraper.ValueAsync(scraper, series);

        var response = await PostAsync(Legacy, "application/csp-report");
        var logged = await seq!.WaitForAsync(e => e["@mt"]?.GetValue<string>()?.StartsWith("CSP violation", StringComparison.Ordinal) == true
            && e["Directive"]?.GetValue<string>() == "style-src-elem", TimeSpan.FromSeconds(10));

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(204));
            Assert.That(await MetricsScraper.ValueAsync(scraper, series), Is.EqualTo(before + 1));
            Assert.That(logged, Is.Not.Null, "the violation is logged");
            Assert.That(logged?["BlockedUri"]?.GetValue<string>(), Is.EqualTo("https://cdn.example.net/evil.css"));
            Assert.That(logged?["DocumentUri"]?.GetValue<string>(), Is.EqualTo("https://status.example.com/status"));
            Assert.That(logged?.ToJsonString(), Does.Not.Contain("secret-in-query").And.Not.Contain("session=abc"), "a URL's query may hold a token");
        });
    }

    [Test]
    public async Task A_Reporting_API_batch_is_204_and_only_its_csp_violations_are_counted()
    {
        using var scraper = Client();
        const string series = "platform_csp_violations_total{directive=\"require-trusted-types-for\",disposition=\"report\"}";
        var before = await MetricsScraper.ValueAsync(scraper, series);

        var response = await PostAsync(ReportingApi, "application/reports+json");

        Assert.That((int)response.StatusCode, Is.EqualTo(204));
        Assert.That(await MetricsScraper.ValueAsync(scraper, series), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task A_directive_name_nobody_uses_is_counted_as_other_so_reports_cannot_mint_labels()
    {
        using var scraper = Client();
        const string series = "platform_csp_violations_total{directive=\"other\",disposition=\"enforce\"}";
        var before = await MetricsScraper.ValueAsync(scraper, series);

        var response = await PostAsync("""{"csp-report":{"effective-directive":"made-up-directive-42","blocked-uri":"inline"}}""", "application/csp-report");
        var text = (await MetricsScraper.ScrapeAsync(scraper)).Text;

        Assert.That((int)response.StatusCode, Is.EqualTo(204));
        Assert.That(MetricsScraper.ValueOf(text, series), Is.EqualTo(before + 1));
        Assert.That(text, Does.Not.Contain("made-up-directive-42"));
    }

    [TestCase("not json", "application/csp-report", 400, "request.malformed", TestName = "A_body_that_is_not_JSON_is_400")]
    [TestCase("""{"hello":"world"}""", "application/csp-report", 400, "request.malformed", TestName = "JSON_that_is_no_report_is_400")]
    [TestCase("""[{"type":"deprecation","body":{}}]""", "application/reports+json", 400, "request.malformed", TestName = "A_batch_without_a_csp_violation_is_400")]
    [TestCase("""{"csp-report":{}}""", "text/html", 415, "request.unsupported_media_type", TestName = "Another_media_type_is_415")]
    public async Task What_is_not_a_report_is_refused(string body, string contentType, int status, string code) =>
        await AssertProblemAsync(await PostAsync(body, contentType), status, code);

    [Test]
    public async Task A_report_over_16_KiB_is_413()
    {
        var body = Legacy.Replace("\"script-sample\":\"\"", $"\"script-sample\":\"{new string('x', 17 * 1024)}\"", StringComparison.Ordinal);

        await AssertProblemAsync(await PostAsync(body, "application/csp-report"), 413, "request.too_large");
    }

    [Test]
    public async Task The_status_page_reports_to_the_route_and_outside_Production_sends_a_stricter_report_only_policy()
    {
        using var client = Client();
        var response = await client.GetAsync("/status");
        var enforced = Header(response, "Content-Security-Policy");
        var reportOnly = Header(response, "Content-Security-Policy-Report-Only");

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(Header(response, "Reporting-Endpoints"), Is.EqualTo($"csp=\"{Route}\""));
            Assert.That(enforced, Does.Contain($"report-uri {Route}").And.Contain("report-to csp"));
            Assert.That(reportOnly, Is.Not.Null, "Testing is not Production");
            Assert.That(reportOnly, Does.Contain("require-trusted-types-for 'script'").And.Contain($"report-uri {Route}"));
            Assert.That(
                reportOnly!.Split(';').Select(d => d.Trim()).Where(d => !d.StartsWith("report-", StringComparison.Ordinal)),
                Is.SupersetOf(enforced!.Split(';').Select(d => d.Trim()).Where(d => !d.StartsWith("report-", StringComparison.Ordinal))),
                "the report-only policy has every enforced directive, and more");
        });
    }
}
