namespace Platform.Domain.Tickets;

/// <summary>
/// Every error code of the tickets feature: the domain's rule violations and the application's answers (not found, conflicts).
/// Every code is listed in docs/errors.md; a published code is never renamed.
/// </summary>
public static class TicketErrorCodes
{
    public const string NotFound = "tickets.not_found";
    public const string CommentNotFound = "tickets.comment_not_found";
    public const string Forbidden = "tickets.forbidden";
    public const string Closed = "tickets.closed";
    public const string InvalidTransition = "tickets.invalid_transition";
    public const string InvalidSubject = "tickets.invalid_subject";
    public const string InvalidBody = "tickets.invalid_body";
    public const string InvalidComment = "tickets.invalid_comment";
}
