using Platform.Domain.Common;
using Platform.Domain.Tickets.Events;

namespace Platform.Domain.Tickets;

/// <summary>
/// A support ticket. Every change goes through a method that checks who may make it and which status may follow
/// which; <see cref="Version"/> grows with each change and is the ticket's ETag and optimistic-concurrency token.
/// </summary>
public sealed class Ticket : Entity
{
    private Ticket()
    {
    }

    private Ticket(Guid id, string subject, string body, TicketPriority priority, Guid requesterId, DateTimeOffset now)
        : base(id)
    {
        Subject = subject;
        Body = body;
        Priority = priority;
        Status = TicketStatus.Open;
        RequesterId = requesterId;
        CreatedAt = now;
        UpdatedAt = now;
        Version = 1;
    }

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public TicketPriority Priority { get; private set; }

    public TicketStatus Status { get; private set; }

    public Guid RequesterId { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public static Ticket Open(string subject, string body, TicketPriority priority, Guid requesterId, DateTimeOffset now)
    {
        var ticket = new Ticket(Uuid7.Create(now), CheckSubject(subject), CheckBody(body), priority, requesterId, now);
        ticket.Raise(new TicketCreatedDomainEvent(ticket, now));
        return ticket;
    }

    /// <summary>Staff see every ticket; customers see only the tickets they raised.</summary>
    public bool IsVisibleTo(TicketActor actor) => actor.IsStaff || actor.UserId == RequesterId;

    public void EditContent(TicketActor actor, string? subject, string? body, TicketPriority? priority, DateTimeOffset now)
    {
        if (subject is null && body is null && priority is null)
        {
            return;
        }

        EnsureNotClosed();
        if (!actor.IsStaff && !RequesterMayEditContent(actor))
        {
            throw new DomainException(
                TicketErrorCodes.Forbidden,
                "Only staff can edit a ticket once it is resolved.",
                DomainErrorKind.Forbidden);
        }

        // Check every field before changing any, so a bad value never leaves the ticket half-edited.
        var newSubject = subject is null ? Subject : CheckSubject(subject);
        var newBody = body is null ? Body : CheckBody(body);
        var newPriority = priority ?? Priority;
        var changed = newSubject != Subject || newBody != Body || newPriority != Priority;
        Subject = newSubject;
        Body = newBody;
        Priority = newPriority;

        if (changed)
        {
            Touch(now);
            RaiseOnce(() => new TicketUpdatedDomainEvent(this, now));
        }
    }

    public void ChangeStatus(TicketActor actor, TicketStatus status, DateTimeOffset now)
    {
        if (status == Status)
        {
            return;
        }

        if (!actor.IsStaff && !(status == TicketStatus.Closed && actor.UserId == RequesterId))
        {
            throw new DomainException(
                TicketErrorCodes.Forbidden,
                "Only staff can change a ticket's status, except that a requester may close their own ticket.",
                DomainErrorKind.Forbidden);
        }

        if (!TicketRules.CanTransition(Status, status))
        {
            throw new DomainException(
                TicketErrorCodes.InvalidTransition,
                $"A ticket cannot move from {Status.ToString().ToLowerInvariant()} to {status.ToString().ToLowerInvariant()}.");
        }

        var from = Status;
        Status = status;
        Touch(now);
        Raise(new TicketStatusChangedDomainEvent(this, from, now));
    }

    /// <summary>Assigns the ticket (or unassigns it with <c>null</c>). The caller has checked that the assignee is staff.</summary>
    public void Assign(TicketActor actor, Guid? assigneeId, DateTimeOffset now)
    {
        if (assigneeId == AssigneeId)
        {
            return;
        }

        if (!actor.IsStaff)
        {
            throw new DomainException(TicketErrorCodes.Forbidden, "Only staff can assign tickets.", DomainErrorKind.Forbidden);
        }

        EnsureNotClosed();
        AssigneeId = assigneeId;
        Touch(now);
        RaiseOnce(() => new TicketUpdatedDomainEvent(this, now));
    }

    public TicketComment AddComment(TicketActor actor, string body, DateTimeOffset now)
    {
        if (!IsVisibleTo(actor))
        {
            throw new DomainException(TicketErrorCodes.Forbidden, "Only the requester and staff may comment.", DomainErrorKind.Forbidden);
        }

        EnsureNotClosed();

        // A comment is its own resource: the ticket's representation, version and ETag stay as they were, so
        // concurrent comments never conflict with each other or with an edit.
        return TicketComment.Write(Id, actor.UserId, body, now);
    }

    private bool RequesterMayEditContent(TicketActor actor) =>
        actor.UserId == RequesterId && TicketRules.RequesterMayEditContent(Status);

    private void EnsureNotClosed()
    {
        if (Status == TicketStatus.Closed)
        {
            throw new DomainException(TicketErrorCodes.Closed, "The ticket is closed and can no longer change.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string CheckSubject(string subject)
    {
        var trimmed = subject.Trim();
        if (trimmed.Length is 0 or > TicketRules.SubjectMaxLength)
        {
            throw new DomainException(
                TicketErrorCodes.InvalidSubject,
                $"The subject must be 1 to {TicketRules.SubjectMaxLength} characters.",
                DomainErrorKind.Invalid,
                "subject");
        }

        return trimmed;
    }

    private static string CheckBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > TicketRules.BodyMaxLength)
        {
            throw new DomainException(
                TicketErrorCodes.InvalidBody,
                $"The body must be 1 to {TicketRules.BodyMaxLength} characters.",
                DomainErrorKind.Invalid,
                "body");
        }

        return body;
    }
}
