using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Outbox.Commands.RetryOutboxMessage;

/// <summary>Gives a parked (failed) outbox message a fresh set of attempts, due at once. For admins.</summary>
[RequiresRole(Role.Admin)]
public sealed record RetryOutboxMessageCommand(Guid MessageId, string? IdempotencyKey = null)
    : ICommand<OutboxMessageDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "outbox.retry";

    public string AuditResourceType => "outbox_message";

    public Guid? AuditResourceId => MessageId;
}
