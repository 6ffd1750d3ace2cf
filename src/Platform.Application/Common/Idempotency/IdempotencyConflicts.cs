using Platform.Application.Common.Errors;

namespace Platform.Application.Common.Idempotency;

internal static class IdempotencyConflicts
{
    /// <summary>The answer while another request with the same key holds it, or committed it a moment ago.</summary>
    public static ConflictException InProgress() =>
        new(ErrorCodes.IdempotencyInProgress, "A request with this Idempotency-Key is still being processed. Retry shortly.");
}
