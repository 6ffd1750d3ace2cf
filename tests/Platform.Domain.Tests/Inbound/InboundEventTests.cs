using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Inbound;

namespace Platform.Domain.Tests.Inbound;

/// <summary>An inbound event's life: pending, then processed or failed (failures retried), and reprocessed only once it has run.</summary>
[TestFixture]
public class InboundEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    private static InboundEvent Received() => InboundEvent.Receive("postmark", "Bounce:42", "Bounce", "application/json", """{"RecordType":"Bounce"}""", Now);

    [Test]
    public void A_received_event_is_pending_with_no_attempt()
    {
        var inbound = Received();

        Assert.Multiple(() =>
        {
            Assert.That(inbound.Status, Is.EqualTo(InboundEventStatus.Pending));
            Assert.That(inbound.Attempts, Is.Zero);
            Assert.That(inbound.ReceivedAt, Is.EqualTo(Now));
            Assert.That(inbound.Id, Is.Not.EqualTo(Guid.Empty));
        });
    }

    [Test]
    public void A_failure_is_recorded_and_shortened_and_a_later_success_clears_it()
    {
        var inbound = Received();

        inbound.MarkFailed(new string('x', 5000));
        var failed = (inbound.Status, inbound.Error!.Length, inbound.Attempts);
        inbound.MarkProcessed(Now.AddSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.EqualTo((InboundEventStatus.Failed, InboundEvent.MaxErrorLength, 1)));
            Assert.That(inbound.Status, Is.EqualTo(InboundEventStatus.Processed));
            Assert.That(inbound.Error, Is.Null);
            Assert.That(inbound.Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public void Only_an_event_that_has_run_can_be_reprocessed_and_it_is_pending_again()
    {
        var pending = Received();
        var processed = Received();
        processed.MarkProcessed(Now);
        var failed = Received();
        failed.MarkFailed("downstream unavailable");

        processed.Reprocess();
        failed.Reprocess();

        Assert.Multiple(() =>
        {
            Assert.That(() => pending.Reprocess(), Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo(InboundErrorCodes.StillPending));
            Assert.That(processed.Status, Is.EqualTo(InboundEventStatus.Pending));
            Assert.That(processed.ProcessedAt, Is.Null);
            Assert.That(failed.Status, Is.EqualTo(InboundEventStatus.Pending));
            Assert.That(failed.Error, Is.Null);
            Assert.That(processed.Attempts, Is.EqualTo(1), "the count of runs is kept");
        });
    }

    [TestCase("", "Bounce:1", "Bounce")]
    [TestCase("postmark", "", "Bounce")]
    [TestCase("postmark", "Bounce:1", " ")]
    public void An_event_needs_a_source_an_id_and_a_type(string source, string eventId, string type) =>
        Assert.That(() => InboundEvent.Receive(source, eventId, type, null, "{}", Now), Throws.InstanceOf<ArgumentException>());

    [Test]
    public void An_event_id_longer_than_the_column_allows_is_refused() =>
        Assert.That(() => InboundEvent.Receive("postmark", new string('1', InboundEvent.MaxEventIdLength + 1), "Bounce", null, "{}", Now), Throws.InstanceOf<ArgumentException>());
}
