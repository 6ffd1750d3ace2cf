using MediatR;
using Platform.Application.Housekeeping.Commands.DeleteExpiredRateLimitCounters;
using Quartz;

namespace Platform.Infrastructure.Jobs;

/// <summary>Deletes rate-limit counters whose window has passed, so the table holds only live windows.</summary>
[DisallowConcurrentExecution]
public sealed class DeleteExpiredRateLimitCountersJob(IMediator mediator) : IJob
{
    public static readonly JobKey Key = new("delete-expired-rate-limit-counters", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteExpiredRateLimitCountersCommand(), cancellationToken);
}
