using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Tickets;
using static Platform.Domain.Tests.Tickets.TicketTestData;

namespace Platform.Domain.Tests.Tickets;

/// <summary>The full 4x4 status matrix, driven by staff (who are allowed every legal move).</summary>
[TestFixture]
public class TicketStatusTransitionTests
{
    [TestCase(TicketStatus.Open, TicketStatus.Pending)]
    [TestCase(TicketStatus.Open, TicketStatus.Resolved)]
    [TestCase(TicketStatus.Open, TicketStatus.Closed)]
    [TestCase(TicketStatus.Pending, TicketStatus.Open)]
    [TestCase(TicketStatus.Pending, TicketStatus.Resolved)]
    [TestCase(TicketStatus.Pending, TicketStatus.Closed)]
    [TestCase(TicketStatus.Resolved, TicketStatus.Open)]
    [TestCase(TicketStatus.Resolved, TicketStatus.Closed)]
    public void ChangeStatus_AllowedTransition_MovesStatusAndBumpsVersionAndUpdatedAt(TicketStatus from, TicketStatus to)
    {
        var ticket = TicketIn(from);
        var versionBefore = ticket.Version;

        ticket.ChangeStatus(Staff, to, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.Status, Is.EqualTo(to));
            Assert.That(ticket.Version, Is.EqualTo(versionBefore + 1));
            Assert.That(ticket.UpdatedAt, Is.EqualTo(Later));
            Assert.That(ticket.CreatedAt, Is.EqualTo(Now));
        }
    }

    [TestCase(TicketStatus.Resolved, TicketStatus.Pending)]
    [TestCase(TicketStatus.Closed, TicketStatus.Open)]
    [TestCase(TicketStatus.Closed, TicketStatus.Pending)]
    [TestCase(TicketStatus.Closed, TicketStatus.Resolved)]
    public void ChangeStatus_ForbiddenTransition_ThrowsInvalidTransitionConflictAndLeavesTicketUnchanged(TicketStatus from, TicketStatus to)
    {
        var ticket = TicketIn(from);
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.ChangeStatus(Staff, to, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.invalid_transition"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Conflict));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }

    [TestCase(TicketStatus.Open)]
    [TestCase(TicketStatus.Pending)]
    [TestCase(TicketStatus.Resolved)]
    [TestCase(TicketStatus.Closed)]
    public void ChangeStatus_ToCurrentStatus_IsNoOpThatKeepsVersionAndUpdatedAt(TicketStatus status)
    {
        var ticket = TicketIn(status);
        var before = TicketSnapshot.Of(ticket);

        ticket.ChangeStatus(Staff, status, Later);

        Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
    }
}
