using Platform.Application.Common.Messaging;

namespace Platform.Application.Tickets.Commands.UpdateTicket;

/// <summary>
/// Merge patch of a ticket: a field that is absent is left alone; <c>assignee_id: null</c> unassigns.
/// <see cref="AcceptedVersions"/> comes from <c>If-Match</c> (null when absent); a version not among them is 412.
/// </summary>
public sealed record UpdateTicketCommand(
    Guid TicketId,
    Optional<string?> Subject,
    Optional<string?> Body,
    Optional<string?> Priority,
    Optional<string?> Status,
    Optional<Guid?> AssigneeId,
    IReadOnlyList<int>? AcceptedVersions = null,
    string? IdempotencyKey = null) : ICommand<TicketDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "tickets.update";

    public string AuditResourceType => "ticket";

    public Guid? AuditResourceId => TicketId;
}
