using Microsoft.Extensions.Options;
using Platform.Application.Housekeeping.Commands.DeleteProcessedOutboxMessages;
using Platform.Infrastructure.Outbox;
using Quartz;

namespace Platform.Infrastructure.Jobs;

/// <summary>Prunes processed outbox messages past their retention through the command pipeline. Runs once across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class DeleteProcessedOutboxMessagesJob(JobCommandSender sender, IOptions<OutboxOptions> options) : IJob
{
    public static readonly JobKey Key = new("delete-processed-outbox-messages", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.SendAsync(context, new DeleteProcessedOutboxMessagesCommand(options.Value.RetainProcessedFor), cancellationToken);
}
