using NUnit.Framework;
using Platform.Domain.Email;

namespace Platform.Domain.Tests.Email;

/// <summary>Which provider events suppress an address on their own.</summary>
[TestFixture]
public class EmailEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [TestCase(EmailEventKind.HardBounce, SuppressionReason.HardBounce)]
    [TestCase(EmailEventKind.Complaint, SuppressionReason.Complaint)]
    [TestCase(EmailEventKind.Unsubscribe, SuppressionReason.Unsubscribe)]
    [TestCase(EmailEventKind.SoftBounce, null)]
    [TestCase(EmailEventKind.Delivered, null)]
    public void Hard_bounces_complaints_and_unsubscribes_suppress_at_once_and_soft_bounces_and_deliveries_do_not(EmailEventKind kind, SuppressionReason? expected) =>
        Assert.That(EmailEvent.Record("postmark", "1", kind, "Ann@Example.com", Now, null, "{}", Now).ImmediateSuppression, Is.EqualTo(expected));

    [Test]
    public void The_recipient_is_kept_normalized() =>
        Assert.That(EmailEvent.Record("resend", "msg_1", EmailEventKind.Delivered, " Ann@Example.com ", Now, null, "{}", Now).Recipient, Is.EqualTo("ANN@EXAMPLE.COM"));
}
