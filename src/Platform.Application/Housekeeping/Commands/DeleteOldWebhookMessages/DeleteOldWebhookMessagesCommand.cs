using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Housekeeping.Commands.DeleteOldWebhookMessages;

/// <summary>
/// Deletes webhook messages delivered longer than <paramref name="RetainDeliveredFor"/> ago and failed longer than
/// <paramref name="RetainFailedFor"/> ago, with their attempts (pending ones are never touched). Sent by a Quartz job;
/// returns how many were deleted.
/// </summary>
[AllowAnonymousRequest]
public sealed record DeleteOldWebhookMessagesCommand(TimeSpan RetainDeliveredFor, TimeSpan RetainFailedFor, int BatchSize = 1000, int MaxBatches = 50) : ICommand<int>;
