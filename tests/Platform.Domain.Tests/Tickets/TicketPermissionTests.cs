using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Tickets;
using static Platform.Domain.Tests.Tickets.TicketTestData;

namespace Platform.Domain.Tests.Tickets;

[TestFixture]
public class TicketPermissionTests
{
    [TestCase(ActorKind.Staff)]
    [TestCase(ActorKind.Requester)]
    public void IsVisibleTo_StaffOrRequester_IsTrue(ActorKind actor)
    {
        var ticket = NewTicket();

        Assert.That(ticket.IsVisibleTo(Actor(actor)), Is.True);
    }

    [Test]
    public void IsVisibleTo_CustomerWhoDidNotRequestIt_IsFalse()
    {
        var ticket = NewTicket();

        Assert.That(ticket.IsVisibleTo(OtherCustomer), Is.False);
    }

    [TestCase(TicketStatus.Open)]
    [TestCase(TicketStatus.Pending)]
    public void EditContent_RequesterWhileOpenOrPending_UpdatesContentAndBumpsVersion(TicketStatus status)
    {
        var ticket = TicketIn(status);
        var versionBefore = ticket.Version;

        ticket.EditContent(Requester, "Printer still smoking", "Now the toner caught fire too.", TicketPriority.Urgent, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.Subject, Is.EqualTo("Printer still smoking"));
            Assert.That(ticket.Body, Is.EqualTo("Now the toner caught fire too."));
            Assert.That(ticket.Priority, Is.EqualTo(TicketPriority.Urgent));
            Assert.That(ticket.Version, Is.EqualTo(versionBefore + 1));
            Assert.That(ticket.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void EditContent_RequesterAfterResolved_ThrowsForbiddenAndLeavesTicketUnchanged()
    {
        var ticket = TicketIn(TicketStatus.Resolved);
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.EditContent(Requester, "Reopen please", null, null, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.forbidden"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Forbidden));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }

    [Test]
    public void EditContent_StaffOnResolvedTicket_IsAllowed()
    {
        var ticket = TicketIn(TicketStatus.Resolved);

        ticket.EditContent(Staff, null, null, TicketPriority.Low, Later);

        Assert.That(ticket.Priority, Is.EqualTo(TicketPriority.Low));
    }

    [Test]
    public void EditContent_CustomerWhoIsNotTheRequester_ThrowsForbidden()
    {
        var ticket = NewTicket();
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.EditContent(OtherCustomer, "Hijacked", null, null, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.forbidden"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Forbidden));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }

    [TestCase(ActorKind.Requester)]
    [TestCase(ActorKind.Staff)]
    public void EditContent_ClosedTicket_ThrowsClosedForEveryone(ActorKind actor)
    {
        var ticket = TicketIn(TicketStatus.Closed);
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.EditContent(Actor(actor), "Too late", null, null, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.closed"));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }

    [Test]
    public void EditContent_SameValuesAsStored_DoesNotBumpVersion()
    {
        var ticket = NewTicket();
        var before = TicketSnapshot.Of(ticket);

        ticket.EditContent(Requester, ticket.Subject, ticket.Body, ticket.Priority, Later);

        Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
    }

    [TestCase(TicketStatus.Open)]
    [TestCase(TicketStatus.Pending)]
    [TestCase(TicketStatus.Resolved)]
    public void ChangeStatus_RequesterClosesOwnTicket_ClosesIt(TicketStatus from)
    {
        var ticket = TicketIn(from);
        var versionBefore = ticket.Version;

        ticket.ChangeStatus(Requester, TicketStatus.Closed, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Closed));
            Assert.That(ticket.Version, Is.EqualTo(versionBefore + 1));
        }
    }

    [TestCase(TicketStatus.Open, TicketStatus.Pending)]
    [TestCase(TicketStatus.Open, TicketStatus.Resolved)]
    [TestCase(TicketStatus.Pending, TicketStatus.Open)]
    [TestCase(TicketStatus.Resolved, TicketStatus.Open)]
    public void ChangeStatus_RequesterSetsAnythingButClosed_ThrowsForbidden(TicketStatus from, TicketStatus to)
    {
        var ticket = TicketIn(from);
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.ChangeStatus(Requester, to, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.forbidden"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Forbidden));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }

    [Test]
    public void ChangeStatus_CustomerClosesSomeoneElsesTicket_ThrowsForbidden()
    {
        var ticket = NewTicket();
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.ChangeStatus(OtherCustomer, TicketStatus.Closed, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.forbidden"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Forbidden));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }

    [Test]
    public void Assign_ByStaff_SetsAssigneeAndBumpsVersion()
    {
        var ticket = NewTicket();

        ticket.Assign(Staff, OtherStaffId, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.AssigneeId, Is.EqualTo(OtherStaffId));
            Assert.That(ticket.Version, Is.EqualTo(2));
            Assert.That(ticket.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void Assign_NullByStaff_Unassigns()
    {
        var ticket = NewTicket();
        ticket.Assign(Staff, OtherStaffId, Setup);

        ticket.Assign(Staff, null, Later);

        Assert.That(ticket.AssigneeId, Is.Null);
    }

    [TestCase(ActorKind.Requester)]
    [TestCase(ActorKind.OtherCustomer)]
    public void Assign_ByCustomer_ThrowsForbidden(ActorKind actor)
    {
        var ticket = NewTicket();
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.Assign(Actor(actor), StaffId, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.forbidden"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Forbidden));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }

    [Test]
    public void Assign_ClosedTicket_ThrowsClosed()
    {
        var ticket = TicketIn(TicketStatus.Closed);
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.Assign(Staff, OtherStaffId, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.closed"));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }
}
