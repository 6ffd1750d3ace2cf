using Microsoft.Extensions.Options;
using NUnit.Framework;
using Platform.Application.Webhooks;
using Platform.Infrastructure.Webhooks;

namespace Platform.Application.Tests.Webhooks;

/// <summary>The registration check: IP literals and names that resolve to refused addresses, and what the operator allows.</summary>
public sealed class WebhookAddressGuardTests
{
    [TestCase("http://127.0.0.1:8080/hook")]
    [TestCase("http://localhost/hook")]
    [TestCase("http://LOCALHOST./hook")]
    [TestCase("http://[::1]/hook")]
    [TestCase("http://[::ffff:127.0.0.1]/hook")]
    [TestCase("http://10.1.2.3/hook")]
    [TestCase("http://169.254.169.254/latest/meta-data")]
    [TestCase("http://[fd00:ec2::254]/")]
    [TestCase("http://0.0.0.0/")]
    public async Task A_refused_host_is_refused_with_a_sentence_naming_it(string url)
    {
        var refusal = await Guard().RefusalAsync(new Uri(url), CancellationToken.None);

        Assert.That(refusal, Does.StartWith("Webhooks are not sent to ").And.Contain("Webhooks:AllowedHosts"));
    }

    [Test]
    public async Task Localhost_is_refused_because_of_what_it_resolves_to()
    {
        var refusal = await Guard().RefusalAsync(new Uri("http://localhost:5000/"), CancellationToken.None);

        Assert.That(refusal, Does.Contain("resolves to").And.Contain("loopback"));
    }

    [TestCase("https://93.184.215.14/hook")]
    [TestCase("https://[2606:4700::1111]/hook")]
    [TestCase("https://hooks.invalid/hook")]
    public async Task A_public_address_or_a_name_that_does_not_resolve_yet_is_accepted(string url)
    {
        Assert.That(await Guard().RefusalAsync(new Uri(url), CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task An_allowed_host_is_accepted_but_only_as_written()
    {
        var guard = Guard("127.0.0.1", "[::1]");

        Assert.Multiple(async () =>
        {
            Assert.That(await guard.RefusalAsync(new Uri("http://127.0.0.1:9000/"), CancellationToken.None), Is.Null);
            Assert.That(await guard.RefusalAsync(new Uri("http://[::1]:9000/"), CancellationToken.None), Is.Null);
            Assert.That(await guard.RefusalAsync(new Uri("http://localhost:9000/"), CancellationToken.None), Is.Not.Null);
        });
    }

    private static WebhookAddressGuard Guard(params string[] allowed)
    {
        var options = Options.Create(new WebhookOptions { AllowedHosts = allowed });
        return new WebhookAddressGuard(new WebhookAllowedHosts(options), options);
    }
}
