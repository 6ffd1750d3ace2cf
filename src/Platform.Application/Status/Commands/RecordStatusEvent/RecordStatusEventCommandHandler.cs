using MapsterMapper;
using MediatR;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.RecordStatusEvent;

internal sealed class RecordStatusEventCommandHandler(
    StatusChanges statusChanges,
    ICurrentUser currentUser,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<RecordStatusEventCommand, StatusEventDto>
{
    public async Task<StatusEventDto> Handle(RecordStatusEventCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var occurredAt = request.OccurredAt?.ToUniversalTime() ?? now;
        var recorded = await statusChanges.RecordAsync(
            [request.ServiceId],
            WireNames.Parse<ServiceStatus>(request.Status),
            request.Message ?? string.Empty,
            occurredAt.ToMicros(),
            currentUser.UserId,
            now,
            cancellationToken);
        return recorded.Count == 1
            ? mapper.Map<StatusEventDto>(recorded[0])
            : throw new NotFoundException(StatusErrorCodes.ServiceNotFound, "No service has this id.");
    }
}
