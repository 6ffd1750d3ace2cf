using Microsoft.Extensions.Options;
using Platform.Application.Common.Idempotency;
using Platform.Application.Housekeeping.Commands.DeleteExpiredIdempotencyKeys;
using Quartz;

namespace Platform.Infrastructure.Jobs;

/// <summary>Sweeps expired idempotency keys through the command pipeline. Runs once across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class DeleteExpiredIdempotencyKeysJob(JobCommandSender sender, IOptions<IdempotencyOptions> options) : IJob
{
    public static readonly JobKey Key = new("delete-expired-idempotency-keys", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.SendAsync(context, new DeleteExpiredIdempotencyKeysCommand(options.Value.CleanupBatchSize), cancellationToken);
}
