using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Webhooks;

namespace Platform.Domain.Tests.Webhooks;

/// <summary>A webhook message's own rules: its body's size, and redelivery.</summary>
[TestFixture]
public class WebhookMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_IsPendingAndDueAtOnce()
    {
        var message = WebhookMessage.Create(Guid.NewGuid(), null, WebhookEventTypes.Test, "{}", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Status, Is.EqualTo(WebhookMessageStatus.Pending));
            Assert.That(message.NextAttemptAt, Is.EqualTo(Now));
            Assert.That(message.Id.Version, Is.EqualTo(7));
            Assert.That(message.Attempts, Is.Zero);
        }
    }

    [Test]
    public void Create_BodyOverTwentyKilobytes_IsRefused() =>
        Assert.Throws<ArgumentException>(() => WebhookMessage.Create(Guid.NewGuid(), null, WebhookEventTypes.Test, new string('x', WebhookMessage.MaxBodyBytes + 1), Now));

    [Test]
    public void Redeliver_StartsANewRoundDueNow()
    {
        var message = WebhookMessage.Create(Guid.NewGuid(), Guid.NewGuid(), WebhookEventTypes.TicketsCreated, "{}", Now);

        message.Redeliver(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Status, Is.EqualTo(WebhookMessageStatus.Pending));
            Assert.That(message.RoundAttempts, Is.Zero);
            Assert.That(message.NextAttemptAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(message.DeliveredAt, Is.Null);
            Assert.That(message.FailedAt, Is.Null);
        }
    }
}
