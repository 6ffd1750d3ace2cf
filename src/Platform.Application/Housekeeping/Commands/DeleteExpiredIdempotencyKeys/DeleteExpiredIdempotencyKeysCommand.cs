using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Housekeeping.Commands.DeleteExpiredIdempotencyKeys;

/// <summary>Deletes idempotency keys whose time to live has passed. Sent by a Quartz job; returns how many were deleted.</summary>
[AllowAnonymousRequest]
public sealed record DeleteExpiredIdempotencyKeysCommand(int BatchSize = 1000, int MaxBatches = 50) : ICommand<int>;
