using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// <c>GET /api/v1/admin/errors</c>: every error code with its counts over 5 minutes, an hour and a day, summed
/// across instances within 10 s, with the route templates that produced it; the same codes as docs/errors.md; and the
/// <c>platform_http_errors_total</c> series on <c>/metrics</c>.
/// </summary>
public sealed partial class AdminErrorCountsTests : ApiTestBase
{
    private const string Errors = "/api/v1/admin/errors";
    private const string TicketRoute = "/api/v1/tickets/{id:guid}";

    /// <summary>Codes the docs name as constructor defaults (never sent on their own); the architecture test leaves them out too.</summary>
    private static readonly string[] ConstructorDefaults = ["conflict", "domain.rule_violated"];

    private PlatformApiFactory hostB = null!;

    [OneTimeSetUp]
    public void StartSecondHost()
    {
        hostB = new PlatformApiFactory(ApiDatabase.Instance, Settings);
        using var warmUp = hostB.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopSecondHost() => await hostB.DisposeAsync();

    private static JsonObject? CodeOf(JsonObject view, string code) =>
        view["codes"]!.AsArray().Select(c => c!.AsObject()).SingleOrDefault(c => StringOf(c, "code") == code);

    [Test]
    public async Task Errors_on_two_instances_are_summed_by_code_and_route_within_10_seconds()
    {
        var (_, token) = await SignUpAsync();
        using var onA = Client(token);
        using var onB = hostB.CreateClient();
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < 3; i++)
        {
            Assert.That((int)(await onA.GetAsync($"/api/v1/tickets/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(404));
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.That((int)(await onB.GetAsync($"/api/v1/tickets/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(404));
        }

        Assert.That((int)(await onB.GetAsync("/api/v1/no-such-route")).StatusCode, Is.EqualTo(404));
        using var admin = Client((await AdminAsync()).Token);

        var waited = Stopwatch.StartNew();
        JsonObject view;
        while (true)
        {
            view = await JsonAsync(await admin.GetAsync(Errors));
            var seen = CodeOf(view, "tickets.not_found")?["last_five_minutes"]?.GetValue<long>();
            var unmatched = CodeOf(view, "route.not_found")?["last_five_minutes"]?.GetValue<long>();
            if (seen == 5 && unmatched >= 1)
            {
                break;
            }

            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), $"both instances' errors were not summed within 10 s: {view.ToJsonString()}");
            await Task.Delay(200);
        }

        var tickets = CodeOf(view, "tickets.not_found")!;
        var route = tickets["routes"]!.AsArray().Single()!;
        var unknownRoute = CodeOf(view, "route.not_found")!["routes"]!.AsArray().Single()!;
        var metrics = await (await Client().GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(tickets["last_hour"]!.GetValue<long>(), Is.EqualTo(5));
            Assert.That(tickets["last_day"]!.GetValue<long>(), Is.EqualTo(5));
            Assert.That(StringOf(route, "route"), Is.EqualTo(TicketRoute), "the template, never the ids in the paths");
            Assert.That(route["status"]!.GetValue<int>(), Is.EqualTo(404));
            Assert.That(route["last_five_minutes"]!.GetValue<long>(), Is.EqualTo(5));
            Assert.That(StringOf(unknownRoute, "route"), Is.EqualTo("(none)"));
            Assert.That(StringOf(view["codes"]![0], "code"), Is.EqualTo("tickets.not_found"), "the most frequent code comes first");
            Assert.That(CodeOf(view, "tickets.closed")!["last_day"]!.GetValue<long>(), Is.Zero, "codes not seen are listed with zeros");
            Assert.That(
                MetricValue(metrics, "tickets.not_found", "404", TicketRoute), Is.EqualTo(5),
                "the series by route template, status and code (both test hosts run in this process and share its meters, so it sees all 5)");
        });
    }

    [Test]
    public async Task The_error_view_lists_exactly_the_codes_that_docs_errors_md_documents()
    {
        using var admin = Client((await AdminAsync()).Token);
        var text = await File.ReadAllTextAsync(RepositoryFiles.PathOf("docs/errors.md"));
        var documented = DocRow().Matches(text[text.IndexOf("## Every code", StringComparison.Ordinal)..])
            .Select(m => m.Groups[1].Value).Except(ConstructorDefaults).ToHashSet(StringComparer.Ordinal);

        var view = await JsonAsync(await admin.GetAsync(Errors));
        var listed = view["codes"]!.AsArray().Select(c => StringOf(c, "code")!).ToList();

        Assert.That(listed, Is.Unique);
        Assert.That(listed, Is.EquivalentTo(documented));
    }

    [Test]
    public async Task Only_admins_see_the_error_view()
    {
        var (_, token) = await SignUpAsync();

        await AssertProblemAsync(await Client(token).GetAsync(Errors), 403, "auth.forbidden");
        await AssertProblemAsync(await Client().GetAsync(Errors), 401, "auth.unauthorized");
    }

    private static double? MetricValue(string exposition, string code, string status, string route)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith("platform_http_errors_total{", StringComparison.Ordinal)
                && line.Contains($"error_code=\"{code}\"", StringComparison.Ordinal)
                && line.Contains($"http_response_status_code=\"{status}\"", StringComparison.Ordinal)
                && line.Contains($"http_route=\"{route}\"", StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\| `([a-z_]+(?:\.[a-z_]+)?)` \|", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
