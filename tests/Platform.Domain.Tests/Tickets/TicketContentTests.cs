using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Tickets;
using static Platform.Domain.Tests.Tickets.TicketTestData;

namespace Platform.Domain.Tests.Tickets;

/// <summary>Opening a ticket and the length rules for subject, body and comments.</summary>
[TestFixture]
public class TicketContentTests
{
    private const string ValidBody = "Smoke comes out of the paper tray.";

    [Test]
    public void Open_ValidInput_StartsOpenAtVersionOneStampedWithNow()
    {
        var ticket = Ticket.Open("Printer is on fire", ValidBody, TicketPriority.High, RequesterId, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Open));
            Assert.That(ticket.Version, Is.EqualTo(1));
            Assert.That(ticket.CreatedAt, Is.EqualTo(Now));
            Assert.That(ticket.UpdatedAt, Is.EqualTo(Now));
            Assert.That(ticket.RequesterId, Is.EqualTo(RequesterId));
            Assert.That(ticket.Priority, Is.EqualTo(TicketPriority.High));
            Assert.That(ticket.AssigneeId, Is.Null);
        }
    }

    [Test]
    public void Open_Always_GivesEachTicketItsOwnUuidVersion7Id()
    {
        var first = NewTicket();
        var second = NewTicket();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Id.Version, Is.EqualTo(7));
            Assert.That(second.Id.Version, Is.EqualTo(7));
            Assert.That(second.Id, Is.Not.EqualTo(first.Id));
        }
    }

    [Test]
    public void Open_SubjectWithSurroundingWhitespace_IsStoredTrimmed()
    {
        var ticket = Ticket.Open("  Printer is on fire \t", ValidBody, TicketPriority.Normal, RequesterId, Now);

        Assert.That(ticket.Subject, Is.EqualTo("Printer is on fire"));
    }

    [TestCase(1)]
    [TestCase(200)]
    public void Open_SubjectAtLengthLimits_IsAccepted(int length)
    {
        var subject = new string('s', length);

        // Padding does not count towards the limit: it is trimmed first.
        var ticket = Ticket.Open($"  {subject}  ", ValidBody, TicketPriority.Normal, RequesterId, Now);

        Assert.That(ticket.Subject, Is.EqualTo(subject));
    }

    [TestCase("")]
    [TestCase("   \t  ")]
    [TestCase(null, 201)]
    public void Open_SubjectEmptyOrLongerThan200AfterTrimming_ThrowsInvalidSubject(string? subject, int length = 0)
    {
        subject ??= new string('s', length);

        var ex = Assert.Throws<DomainException>(() => Ticket.Open(subject, ValidBody, TicketPriority.Normal, RequesterId, Now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.invalid_subject"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Invalid));
            Assert.That(ex.Field, Is.EqualTo("subject"));
        }
    }

    [TestCase(1)]
    [TestCase(20_000)]
    public void Open_BodyAtLengthLimits_IsAccepted(int length)
    {
        var body = new string('b', length);

        var ticket = Ticket.Open("Subject", body, TicketPriority.Normal, RequesterId, Now);

        Assert.That(ticket.Body, Is.EqualTo(body));
    }

    [TestCase("")]
    [TestCase(" \n ")]
    [TestCase(null, 20_001)]
    public void Open_BodyBlankOrLongerThan20000_ThrowsInvalidBody(string? body, int length = 0)
    {
        body ??= new string('b', length);

        var ex = Assert.Throws<DomainException>(() => Ticket.Open("Subject", body, TicketPriority.Normal, RequesterId, Now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.invalid_body"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Invalid));
            Assert.That(ex.Field, Is.EqualTo("body"));
        }
    }

    [Test]
    public void EditContent_SubjectTooLong_ThrowsInvalidSubject()
    {
        var ticket = NewTicket();

        var ex = Assert.Throws<DomainException>(() => ticket.EditContent(Staff, new string('s', 201), null, null, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.invalid_subject"));
            Assert.That(ex.Field, Is.EqualTo("subject"));
            Assert.That(ticket.Version, Is.EqualTo(1));
        }
    }

    [TestCase(ActorKind.Requester)]
    [TestCase(ActorKind.Staff)]
    public void AddComment_ByRequesterOrStaff_ReturnsCommentAndLeavesTheTicketUnchanged(ActorKind kind)
    {
        var ticket = NewTicket();
        var actor = Actor(kind);

        var comment = ticket.AddComment(actor, "Have you tried turning it off?", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(comment.TicketId, Is.EqualTo(ticket.Id));
            Assert.That(comment.AuthorId, Is.EqualTo(actor.UserId));
            Assert.That(comment.Body, Is.EqualTo("Have you tried turning it off?"));
            Assert.That(comment.CreatedAt, Is.EqualTo(Later));
            Assert.That(comment.Id.Version, Is.EqualTo(7));
            Assert.That(ticket.Version, Is.EqualTo(1));
            Assert.That(ticket.UpdatedAt, Is.Not.EqualTo(Later));
        }
    }

    [Test]
    public void AddComment_OfExactly20000Characters_IsAccepted()
    {
        var ticket = NewTicket();
        var body = new string('c', 20_000);

        var comment = ticket.AddComment(Requester, body, Later);

        Assert.That(comment.Body, Is.EqualTo(body));
    }

    [TestCase("")]
    [TestCase("  \t ")]
    [TestCase(null, 20_001)]
    public void AddComment_BlankOrLongerThan20000_ThrowsInvalidComment(string? body, int length = 0)
    {
        body ??= new string('c', length);
        var ticket = NewTicket();

        var ex = Assert.Throws<DomainException>(() => ticket.AddComment(Requester, body, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.invalid_comment"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Invalid));
            Assert.That(ticket.Version, Is.EqualTo(1));
        }
    }

    [TestCase(ActorKind.Requester)]
    [TestCase(ActorKind.Staff)]
    public void AddComment_OnClosedTicket_ThrowsClosed(ActorKind kind)
    {
        var ticket = TicketIn(TicketStatus.Closed);
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.AddComment(Actor(kind), "Hello?", Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.closed"));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }

    [Test]
    public void AddComment_ByCustomerWhoIsNotTheRequester_ThrowsForbidden()
    {
        var ticket = NewTicket();
        var before = TicketSnapshot.Of(ticket);

        var ex = Assert.Throws<DomainException>(() => ticket.AddComment(OtherCustomer, "Me too!", Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("tickets.forbidden"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Forbidden));
            Assert.That(TicketSnapshot.Of(ticket), Is.EqualTo(before));
        }
    }
}
