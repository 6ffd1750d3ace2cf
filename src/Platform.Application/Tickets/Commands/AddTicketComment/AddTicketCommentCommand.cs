using Platform.Application.Common.Messaging;

namespace Platform.Application.Tickets.Commands.AddTicketComment;

public sealed record AddTicketCommentCommand(Guid TicketId, string Body, string? IdempotencyKey = null)
    : ICommand<TicketCommentDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "tickets.comment";

    public string AuditResourceType => "ticket_comment";
}
