using MediatR;

namespace Platform.Application.Housekeeping.Commands.DeleteExpiredRateLimitCounters;

internal sealed class DeleteExpiredRateLimitCountersCommandHandler(IExpiredRateLimitCounters expiredCounters)
    : IRequestHandler<DeleteExpiredRateLimitCountersCommand, int>
{
    public Task<int> Handle(DeleteExpiredRateLimitCountersCommand request, CancellationToken cancellationToken) =>
        // The counters are written by the API's rate limiter on the database's clock and swept on that same clock.
        expiredCounters.DeleteBatchAsync(request.BatchSize, cancellationToken);
}
