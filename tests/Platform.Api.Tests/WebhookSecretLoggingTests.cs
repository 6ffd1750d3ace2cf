using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Signing secrets never reach the logs: every event the API sends to a local stand-in for Seq, at Debug, while an
/// endpoint is created, replayed, rotated and read, and while messages are signed, sent, failed and retried, is
/// searched for them.
/// </summary>
public sealed class WebhookSecretLoggingTests : ApiTestBase
{
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
                ["Serilog:MinimumLevel:Default"] = "Debug",
                ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
                ["Webhooks:RetryScheduleSeconds"] = "1",
                ["Webhooks:Delivery:PollInterval"] = "00:00:01",
            };
        }
    }

    private FakeSeqServer Seq => seq ?? throw new InvalidOperationException("The host has not started.");

    [OneTimeTearDown]
    public async Task StopSeq()
    {
        if (seq is not null)
        {
            await seq.DisposeAsync();
        }
    }

    [Test]
    public async Task No_log_event_holds_a_signing_secret()
    {
        using var admin = Client((await AdminAsync()).Token);
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "log-hook-1" };
        const string body = """{"url":"https://93.184.215.14/hook","event_types":["*"]}""";
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", body, key));
        var replayed = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", body, key));
        var rotated = await JsonAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/webhooks/endpoints/{IdOf(created)}/rotate-secret"));
        var last = await admin.GetAsync(new Uri($"/api/v1/webhooks/endpoints/{IdOf(created)}", UriKind.Relative));
        var requestId = last.Headers.GetValues("X-Request-ID").Single();

        var line = await Seq.WaitForAsync(e => e["request_id"]?.GetValue<string>() == requestId && e["@mt"]?.GetValue<string>()?.StartsWith("HTTP ", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));

        var everything = string.Join('\n', Seq.Bodies);
        Assert.Multiple(() =>
        {
            Assert.That(line, Is.Not.Null, "the last request's line arrived, so the ones before it did too");
            Assert.That(StringOf(replayed, "secret"), Is.EqualTo(StringOf(created, "secret")));
            foreach (var secret in new[] { StringOf(created, "secret")!, StringOf(rotated, "secret")! })
            {
                Assert.That(everything, Does.Not.Contain(secret[6..]));
            }

            Assert.That(everything, Does.Not.Contain("whsec_"));
            Assert.That(Seq.Events, Has.Count.GreaterThan(5));
        });
    }

    [Test]
    public async Task Delivering_failing_and_retrying_signed_messages_logs_no_secret()
    {
        await using var receiver = WebhookReceiver.Start();
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/logged-{Guid.NewGuid():N}";
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", $$"""{"url":"{{receiver.Url(path, n => n == 1 ? new ReceiverReply(500) : ReceiverReply.NoContent)}}","event_types":["*"]}"""));
        var rotated = await JsonAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/webhooks/endpoints/{IdOf(created)}/rotate-secret"));

        await CreateTicketAsync(admin);
        await receiver.WaitForAsync(path, 2, TimeSpan.FromSeconds(15));
        var retried = await Seq.WaitForAsync(e => e["@mt"]?.GetValue<string>()?.StartsWith("Webhook message", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));

        var everything = string.Join('\n', Seq.Bodies);
        Assert.Multiple(() =>
        {
            Assert.That(retried, Is.Not.Null, "the failed attempt was logged, so the delivery's log lines arrived");
            Assert.That(everything, Does.Not.Contain(StringOf(created, "secret")![6..]));
            Assert.That(everything, Does.Not.Contain(StringOf(rotated, "secret")![6..]));
            Assert.That(everything, Does.Not.Contain("whsec_"));
            Assert.That(everything, Does.Not.Contain(receiver.At(path)[0].Signature.Split(' ')[0][3..]), "nor a signature");
        });
    }
}
