using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Housekeeping.Commands.DeleteExpiredRateLimitCounters;

/// <summary>Deletes rate-limit windows that have ended. Sent by a Quartz job; returns how many were deleted.</summary>
[AllowAnonymousRequest]
public sealed record DeleteExpiredRateLimitCountersCommand(int BatchSize = 5000) : ICommand<int>;
