using NUnit.Framework;
using Platform.Domain.Webhooks;

namespace Platform.Domain.Tests.Webhooks;

/// <summary>What a receiver's answer means: only 2xx delivers, 410 disables, Retry-After counts for 429 and 503.</summary>
[TestFixture]
public class WebhookResponseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [TestCase(200, WebhookAttemptOutcome.Succeeded)]
    [TestCase(204, WebhookAttemptOutcome.Succeeded)]
    [TestCase(299, WebhookAttemptOutcome.Succeeded)]
    [TestCase(301, WebhookAttemptOutcome.Failed)]
    [TestCase(302, WebhookAttemptOutcome.Failed)]
    [TestCase(308, WebhookAttemptOutcome.Failed)]
    [TestCase(400, WebhookAttemptOutcome.Failed)]
    [TestCase(404, WebhookAttemptOutcome.Failed)]
    [TestCase(410, WebhookAttemptOutcome.Gone)]
    [TestCase(429, WebhookAttemptOutcome.Failed)]
    [TestCase(500, WebhookAttemptOutcome.Failed)]
    [TestCase(100, WebhookAttemptOutcome.Failed)]
    public void Classify(int status, WebhookAttemptOutcome outcome) =>
        Assert.That(WebhookResponseRules.Classify(status), Is.EqualTo(outcome));

    [Test]
    public void RetryAfter_IsHonouredFor429And503Only()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WebhookResponseRules.HonoursRetryAfter(429), Is.True);
            Assert.That(WebhookResponseRules.HonoursRetryAfter(503), Is.True);
            Assert.That(WebhookResponseRules.HonoursRetryAfter(500), Is.False);
            Assert.That(WebhookResponseRules.HonoursRetryAfter(302), Is.False);
        }
    }

    [Test]
    public void ParseRetryAfter_ReadsSecondsAndHttpDatesAndIgnoresTheRest()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WebhookResponseRules.ParseRetryAfter("120", Now), Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(WebhookResponseRules.ParseRetryAfter(" 3 ", Now), Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(WebhookResponseRules.ParseRetryAfter("999999999", Now), Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(WebhookResponseRules.ParseRetryAfter("Wed, 02 Dec 2026 10:05:00 GMT", Now), Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(WebhookResponseRules.ParseRetryAfter("Wed, 02 Dec 2026 09:00:00 GMT", Now), Is.Null, "a date in the past");
            Assert.That(WebhookResponseRules.ParseRetryAfter("-1", Now), Is.Null);
            Assert.That(WebhookResponseRules.ParseRetryAfter("soon", Now), Is.Null);
            Assert.That(WebhookResponseRules.ParseRetryAfter(null, Now), Is.Null);
        }
    }
}
