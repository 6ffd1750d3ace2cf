using Microsoft.Extensions.Options;
using Platform.Application.Housekeeping.Commands.DeleteOldWebhookMessages;
using Platform.Application.Webhooks;
using Quartz;

namespace Platform.Infrastructure.Jobs;

/// <summary>Prunes delivered and failed webhook messages past their retention through the command pipeline. Runs once across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class DeleteOldWebhookMessagesJob(JobCommandSender sender, IOptions<WebhookOptions> options) : IJob
{
    public static readonly JobKey Key = new("delete-old-webhook-messages", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.SendAsync(context, new DeleteOldWebhookMessagesCommand(options.Value.RetainDeliveredFor, options.Value.RetainFailedFor), cancellationToken);
}
