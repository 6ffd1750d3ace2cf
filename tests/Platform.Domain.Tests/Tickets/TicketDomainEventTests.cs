using NUnit.Framework;
using Platform.Domain.Tickets;
using Platform.Domain.Tickets.Events;
using static Platform.Domain.Tests.Tickets.TicketTestData;

namespace Platform.Domain.Tests.Tickets;

/// <summary>A ticket tells what happened to it through domain events, and only when something really changed.</summary>
public class TicketDomainEventTests
{
    [Test]
    public void Open_RaisesCreated()
    {
        var ticket = NewTicket();

        Assert.That(ticket.DomainEvents, Has.Count.EqualTo(1));
        Assert.That(ticket.DomainEvents[0], Is.EqualTo(new TicketCreatedDomainEvent(ticket, Now)));
    }

    [Test]
    public void TakeDomainEvents_HandsThemOverOnce()
    {
        var ticket = NewTicket();

        Assert.That(ticket.TakeDomainEvents(), Has.Count.EqualTo(1));
        Assert.That(ticket.TakeDomainEvents(), Is.Empty);
        Assert.That(ticket.DomainEvents, Is.Empty);
    }

    [Test]
    public void EditAndAssign_InOneUnitOfWork_RaiseOneUpdated()
    {
        var ticket = NewTicket();
        ticket.TakeDomainEvents();

        ticket.EditContent(Staff, "New subject", null, TicketPriority.High, Later);
        ticket.Assign(Staff, StaffId, Later);

        Assert.That(ticket.DomainEvents, Is.EqualTo(new object[] { new TicketUpdatedDomainEvent(ticket, Later) }));
    }

    [Test]
    public void EditWithTheSameValues_RaisesNothing()
    {
        var ticket = NewTicket();
        ticket.TakeDomainEvents();

        ticket.EditContent(Requester, ticket.Subject, ticket.Body, ticket.Priority, Later);
        ticket.Assign(Staff, null, Later);
        ticket.ChangeStatus(Staff, TicketStatus.Open, Later);

        Assert.That(ticket.DomainEvents, Is.Empty);
    }

    [Test]
    public void ChangeStatus_RaisesStatusChangedWithThePreviousStatus()
    {
        var ticket = NewTicket();
        ticket.TakeDomainEvents();

        ticket.ChangeStatus(Staff, TicketStatus.Pending, Later);

        Assert.That(ticket.DomainEvents, Is.EqualTo(new object[] { new TicketStatusChangedDomainEvent(ticket, TicketStatus.Open, Later) }));
    }

    [Test]
    public void RefusedChange_RaisesNothing()
    {
        var ticket = TicketIn(TicketStatus.Closed);
        ticket.TakeDomainEvents();

        Assert.Throws<Common.DomainException>(() => ticket.AddComment(Requester, "hello?", Later));
        Assert.Throws<Common.DomainException>(() => ticket.EditContent(Staff, "x", null, null, Later));

        Assert.That(ticket.DomainEvents, Is.Empty);
    }

    [Test]
    public void AddComment_RaisesCommentAddedOnTheComment()
    {
        var ticket = NewTicket();

        var comment = ticket.AddComment(Requester, "Still burning", Later);

        Assert.That(comment.DomainEvents, Is.EqualTo(new object[] { new TicketCommentAddedDomainEvent(comment, Later) }));
    }
}
