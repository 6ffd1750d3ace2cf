using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;

namespace Platform.Application.Outbox.Commands.RetryOutboxMessage;

internal sealed class RetryOutboxMessageCommandHandler(IPlatformDbContext db, TimeProvider timeProvider)
    : IRequestHandler<RetryOutboxMessageCommand, OutboxMessageDto>
{
    public async Task<OutboxMessageDto> Handle(RetryOutboxMessageCommand request, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == request.MessageId, cancellationToken)
            ?? throw new NotFoundException(OutboxErrorCodes.MessageNotFound, "No outbox message has this id.");
        if (message.Status != OutboxStatus.Failed)
        {
            throw new ConflictException(OutboxErrorCodes.MessageNotFailed, $"Only a failed message can be retried; this one is {message.Status}.");
        }

        // Saving it wakes every instance's dispatcher (the outbox trigger notifies when a message becomes pending).
        message.Retry(timeProvider.GetUtcNowMicros());
        return message.ToDto();
    }
}
