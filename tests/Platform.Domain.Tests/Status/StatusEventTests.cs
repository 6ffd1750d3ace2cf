using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Status;
using static Platform.Domain.Tests.Status.StatusTestData;

namespace Platform.Domain.Tests.Status;

[TestFixture]
public class StatusEventTests
{
    [Test]
    public void Record_ValidInput_KeepsEveryValue()
    {
        var occurredAt = Now.AddMinutes(-30);

        var statusEvent = StatusEvent.Record(ApiId, ServiceStatus.PartialOutage, "Elevated error rates.", occurredAt, StaffId, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statusEvent.Id.Version, Is.EqualTo(7));
            Assert.That(statusEvent.ServiceId, Is.EqualTo(ApiId));
            Assert.That(statusEvent.Status, Is.EqualTo(ServiceStatus.PartialOutage));
            Assert.That(statusEvent.Message, Is.EqualTo("Elevated error rates."));
            Assert.That(statusEvent.OccurredAt, Is.EqualTo(occurredAt));
            Assert.That(statusEvent.CreatedAt, Is.EqualTo(Now));
            Assert.That(statusEvent.CreatedBy, Is.EqualTo(StaffId));
        }
    }

    [Test]
    public void Record_BySystemWithEmptyMessage_IsAccepted()
    {
        var statusEvent = StatusEvent.Record(ApiId, ServiceStatus.UnderMaintenance, string.Empty, Now, null, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statusEvent.CreatedBy, Is.Null);
            Assert.That(statusEvent.Message, Is.Empty);
        }
    }

    [Test]
    public void Record_MessageOf2000Characters_IsAcceptedAnd2001IsNot()
    {
        var statusEvent = StatusEvent.Record(ApiId, ServiceStatus.Operational, new string('m', 2000), Now, StaffId, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statusEvent.Message, Has.Length.EqualTo(2000));
            AssertRule(
                () => StatusEvent.Record(ApiId, ServiceStatus.Operational, new string('m', 2001), Now, StaffId, Now),
                "status.invalid_message",
                DomainErrorKind.Invalid,
                "message");
        }
    }

    [Test]
    public void Record_ExactlyFiveMinutesAhead_IsAccepted()
    {
        var statusEvent = StatusEvent.Record(ApiId, ServiceStatus.Operational, string.Empty, Now.AddMinutes(5), StaffId, Now);

        Assert.That(statusEvent.OccurredAt, Is.EqualTo(Now.AddMinutes(5)));
    }

    [Test]
    public void Record_MoreThanFiveMinutesAhead_ThrowsOccurredInFuture()
    {
        AssertRule(
            () => StatusEvent.Record(ApiId, ServiceStatus.Operational, string.Empty, Now.AddMinutes(5).AddTicks(1), StaffId, Now),
            "status.occurred_in_future",
            DomainErrorKind.Invalid,
            "occurred_at");
    }

    [Test]
    public void Record_LongAgo_IsAccepted()
    {
        var statusEvent = StatusEvent.Record(ApiId, ServiceStatus.MajorOutage, string.Empty, Now.AddYears(-1), StaffId, Now);

        Assert.That(statusEvent.OccurredAt, Is.EqualTo(Now.AddYears(-1)));
    }
}
