using Platform.Application.Status.Commands.RunDueMaintenances;
using Quartz;

namespace Platform.Infrastructure.Jobs;

/// <summary>Starts and completes scheduled maintenance when its time comes. Runs on one cluster member at a time.</summary>
[DisallowConcurrentExecution]
public sealed class RunDueMaintenancesJob(JobCommandSender sender) : IJob
{
    public static readonly JobKey Key = new("run-due-maintenances", "status");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.SendAsync(context, new RunDueMaintenancesCommand(), cancellationToken);
}
