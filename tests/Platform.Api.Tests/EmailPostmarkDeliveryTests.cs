using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Email through Postmark's HTTP API, played by a local Kestrel app: the message goes out with the server token, both
/// parts, the stream and our message id; Postmark's MessageID is kept for its events; 422 fails at once with
/// Postmark's reason; 500 is retried.
/// </summary>
public sealed class EmailPostmarkDeliveryTests : EmailTestBase
{
    private const string Token = "postmark-test-server-token";
    private readonly WebhookReceiver postmark = WebhookReceiver.Start();

    protected override IDictionary<string, string?> Settings => FastDelivery(new Dictionary<string, string?>
    {
        ["Email:Provider"] = "postmark",
        ["Email:From"] = "Platform Tests <no-reply@platform.test>",
        ["Email:Postmark:ServerToken"] = Token,
        ["Email:Postmark:BaseUrl"] = postmark.BaseUrl.ToString(),
        ["Email:Postmark:MessageStream"] = "account-security",
    });

    /// <summary>Registration's confirmation mail is accepted and left out: these tests count only their own messages.</summary>
    [OneTimeSetUp]
    public void AcceptConfirmationMail() =>
        postmark.Bypass = (_, body) => body.Contains("\"Confirm your email address", StringComparison.Ordinal) ? Accepted(Guid.NewGuid().ToString()) : null;

    [OneTimeTearDown]
    public async Task StopPostmark() => await postmark.DisposeAsync();

    private static ReceiverReply Accepted(string messageId) => new(200, Body: $$"""{"To":"x","SubmittedAt":"2026-12-03T00:00:00Z","MessageID":"{{messageId}}","ErrorCode":0,"Message":"OK"}""");

    private IReadOnlyList<ReceivedWebhook> To(string email) =>
        [.. postmark.At("/email").Where(r => JsonNode.Parse(r.Body)?["To"]?.GetValue<string>() == email)];

    [Test]
    public async Task A_message_goes_to_Postmark_with_the_token_both_parts_and_the_stream_and_keeps_Postmarks_id()
    {
        var postmarkId = Guid.NewGuid().ToString();
        postmark.Answer("/email", _ => Accepted(postmarkId));
        var email = NewEmail("postmark");
        await ChangePasswordAsync(email, displayName: "Ann <ann>");

        var row = await WaitForMessageAsync(email, r => r.Status == "sent", "sent");
        var request = To(email).Single();
        var body = JsonNode.Parse(request.Body)!;

        Assert.Multiple(() =>
        {
            Assert.That(request.Headers["x-postmark-server-token"], Is.EqualTo(Token));
            Assert.That(request.Headers["content-type"], Does.StartWith("application/json"));
            Assert.That(body["From"]!.GetValue<string>(), Is.EqualTo("\"Platform Tests\" <no-reply@platform.test>"));
            Assert.That(body["Subject"]!.GetValue<string>(), Is.EqualTo("Your password was changed - Platform"));
            Assert.That(body["TextBody"]!.GetValue<string>(), Does.Contain("Hello Ann <ann>,"));
            Assert.That(body["HtmlBody"]!.GetValue<string>(), Does.Contain("Hello Ann &lt;ann&gt;,"));
            Assert.That(body["MessageStream"]!.GetValue<string>(), Is.EqualTo("account-security"));
            Assert.That(body["Metadata"]!["platform_message_id"]!.GetValue<string>(), Is.EqualTo(row.Id.ToString()));
            Assert.That(row.Provider, Is.EqualTo("postmark"));
            Assert.That(row.ProviderMessageId, Is.EqualTo(postmarkId), "Postmark's events refer to its MessageID");
            Assert.That(row.Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_422_fails_the_message_at_once_with_Postmarks_reason()
    {
        postmark.Answer("/email", _ => new ReceiverReply(422, Body: """{"ErrorCode":406,"Message":"You tried to send to a recipient that has been marked as inactive."}"""));
        var email = NewEmail("inactive");
        await ChangePasswordAsync(email);

        var row = await WaitForMessageAsync(email, r => r.Status == "failed", "failed");
        await Task.Delay(2000);

        Assert.Multiple(() =>
        {
            Assert.That(row.LastError, Is.EqualTo("Postmark 422: error 406: You tried to send to a recipient that has been marked as inactive."));
            Assert.That(row.Attempts, Is.EqualTo(1));
            Assert.That(To(email), Has.Count.EqualTo(1), "never retried");
        });
    }

    [Test]
    public async Task A_500_is_retried_and_the_message_is_sent_once_Postmark_answers()
    {
        var email = NewEmail("flaky");
        var failures = 0;
        postmark.Answer("/email", _ => Interlocked.Increment(ref failures) <= 2 ? new ReceiverReply(500, Body: "oops") : Accepted(Guid.NewGuid().ToString()));
        await ChangePasswordAsync(email);

        var row = await WaitForMessageAsync(email, r => r.Status == "sent", "sent");
        await Task.Delay(1500);

        Assert.Multiple(() =>
        {
            Assert.That(row.Attempts, Is.EqualTo(3));
            Assert.That(To(email), Has.Count.EqualTo(3));
        });
    }
}
