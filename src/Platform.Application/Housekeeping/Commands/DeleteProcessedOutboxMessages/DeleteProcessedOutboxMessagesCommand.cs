using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Housekeeping.Commands.DeleteProcessedOutboxMessages;

/// <summary>
/// Deletes outbox messages processed longer than <paramref name="RetainFor"/> ago (pending and parked ones are never
/// touched). Sent by a Quartz job; returns how many were deleted.
/// </summary>
[AllowAnonymousRequest]
public sealed record DeleteProcessedOutboxMessagesCommand(TimeSpan RetainFor, int BatchSize = 1000, int MaxBatches = 50) : ICommand<int>;
