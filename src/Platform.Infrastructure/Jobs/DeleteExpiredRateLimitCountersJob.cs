using Platform.Application.Housekeeping.Commands.DeleteExpiredRateLimitCounters;
using Quartz;

namespace Platform.Infrastructure.Jobs;

/// <summary>Deletes rate-limit counters whose window has passed, so the table holds only live windows.</summary>
[DisallowConcurrentExecution]
public sealed class DeleteExpiredRateLimitCountersJob(JobCommandSender sender) : IJob
{
    public static readonly JobKey Key = new("delete-expired-rate-limit-counters", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.SendAsync(context, new DeleteExpiredRateLimitCountersCommand(), cancellationToken);
}
