using Microsoft.Extensions.Options;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.PruneEndedSessions;
using Quartz;

namespace Platform.Infrastructure.Jobs;

/// <summary>Deletes sessions that ended longer ago than the retention period, in batches. Runs once across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class PruneEndedSessionsJob(JobCommandSender sender, IOptions<AuthOptions> options) : IJob
{
    public static readonly JobKey Key = new("prune-ended-sessions", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.SendAsync(context, new PruneEndedSessionsCommand(options.Value.SessionPruneBatchSize), cancellationToken);
}
