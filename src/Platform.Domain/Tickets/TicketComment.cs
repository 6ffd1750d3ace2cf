using Platform.Domain.Common;
using Platform.Domain.Tickets.Events;

namespace Platform.Domain.Tickets;

public sealed class TicketComment : Entity
{
    private TicketComment()
    {
    }

    private TicketComment(Guid id, Guid ticketId, Guid authorId, string body, DateTimeOffset now)
        : base(id)
    {
        TicketId = ticketId;
        AuthorId = authorId;
        Body = body;
        CreatedAt = now;
    }

    public Guid TicketId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    internal static TicketComment Write(Guid ticketId, Guid authorId, string body, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > TicketRules.CommentMaxLength)
        {
            throw new DomainException(
                TicketErrorCodes.InvalidComment,
                $"A comment must be 1 to {TicketRules.CommentMaxLength} characters.",
                DomainErrorKind.Invalid,
                "body");
        }

        var comment = new TicketComment(Uuid7.Create(now), ticketId, authorId, body, now);
        comment.Raise(new TicketCommentAddedDomainEvent(comment, now));
        return comment;
    }
}
