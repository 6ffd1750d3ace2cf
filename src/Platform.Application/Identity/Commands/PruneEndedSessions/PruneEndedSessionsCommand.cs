using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Identity.Commands.PruneEndedSessions;

/// <summary>
/// Deletes sessions (and their refresh-token history) that were revoked or expired longer than the retention period
/// ago, and sign-in failure counts nobody has added to for a day. Sent by a Quartz job; returns how many sessions
/// were deleted. Not one transaction: each batch commits on its own, so no lock is held for long.
/// </summary>
[AllowAnonymousRequest]
public sealed record PruneEndedSessionsCommand(int BatchSize = 1000, int MaxBatches = 100) : ICommand<int>, INonTransactionalCommand;
