using Platform.Application.Common.Messaging;

namespace Platform.Application.Tickets.Commands.CreateTicket;

public sealed record CreateTicketCommand(
    string Subject,
    string Body,
    string? Priority = null,
    string? IdempotencyKey = null) : ICommand<TicketDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "tickets.create";

    public string AuditResourceType => "ticket";
}
