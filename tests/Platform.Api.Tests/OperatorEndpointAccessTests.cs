using System.Net.Http.Headers;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// <c>/metrics</c> and <c>/health/full</c> show internals, so only loopback, the configured monitoring network or a
/// scraper with the metrics token reads them; everyone else gets 403. The probes <c>/health</c> and <c>/ready</c>
/// stay open to every caller.
/// </summary>
public sealed class OperatorEndpointAccessTests : ApiTestBase
{
    private const string Token = "metrics-token-0123456789abcdef-0123456789";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Observability:MetricsAllowedNetworks:0"] = "198.51.100.0/24",
        ["Observability:MetricsAllowedNetworks:1"] = "2001:db8:77::5",
        ["Observability:MetricsToken"] = Token,
    };

    private async Task<int> StatusAsync(string path, string? clientIp, string? bearer = null)
    {
        using var client = Client(clientIp: clientIp);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return (int)(await client.GetAsync(path)).StatusCode;
    }

    [TestCase(null, TestName = "Loopback_reads_metrics_and_full_health")]
    [TestCase("::1", TestName = "IPv6_loopback_reads_metrics_and_full_health")]
    [TestCase("198.51.100.7", TestName = "An_address_in_an_allowed_network_reads_metrics_and_full_health")]
    [TestCase("2001:db8:77::5", TestName = "An_allowed_single_IPv6_address_reads_metrics_and_full_health")]
    public async Task An_allowed_caller_reads_the_operator_endpoints(string? clientIp)
    {
        Assert.That(await StatusAsync("/metrics", clientIp), Is.EqualTo(200));
        Assert.That(await StatusAsync("/health/full", clientIp), Is.EqualTo(200));
    }

    [Test]
    public async Task Any_other_address_is_403_unless_it_sends_the_metrics_token_and_the_probes_stay_open()
    {
        const string outsider = "203.0.113.9";
        using var client = Client(clientIp: outsider);

        var metrics = await client.GetAsync("/metrics");
        await AssertProblemAsync(metrics, 403, "auth.forbidden");
        Assert.Multiple(async () =>
        {
            Assert.That(await metrics.Content.ReadAsStringAsync(), Does.Not.Contain("platform_"), "no metric leaks into the refusal");
            Assert.That(await StatusAsync("/health/full", outsider), Is.EqualTo(403));
            Assert.That(await StatusAsync("/metrics", "2001:db8:77::6"), Is.EqualTo(403), "a single allowed address is not its neighbourhood");
            Assert.That(await StatusAsync("/metrics", outsider, Token + "x"), Is.EqualTo(403), "a wrong token");
            Assert.That(await StatusAsync("/metrics", outsider, Token), Is.EqualTo(200), "the token works from anywhere");
            Assert.That(await StatusAsync("/health/full", outsider, Token), Is.EqualTo(200));
            Assert.That(await StatusAsync("/health", outsider), Is.EqualTo(200), "liveness is for every orchestrator");
            Assert.That(await StatusAsync("/ready", outsider), Is.EqualTo(200), "readiness too");
        });
    }
}
