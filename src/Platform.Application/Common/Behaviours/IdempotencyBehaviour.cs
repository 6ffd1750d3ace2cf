using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Domain.Common;

namespace Platform.Application.Common.Behaviours;

/// <summary>
/// Makes a command with an Idempotency-Key run at most once per caller, operation and key.
/// <list type="bullet">
/// <item>A transaction-scoped advisory lock on the key serialises same-key requests across instances; a request that
/// finds the lock taken is answered 409 <c>idempotency.in_progress</c> at once. The lock and the lookup of the stored
/// key are one statement (<see cref="IIdempotencyKeys"/>).</item>
/// <item>The key, the request fingerprint and the response are written in the command's transaction: a command that
/// fails rolls them back with its change, so a failed command leaves no key behind.</item>
/// <item>A stored key with the same fingerprint replays the stored response; with another fingerprint it is 422
/// <c>idempotency.key_reused</c>. A unique index on (scope, operation, key) backs this up.</item>
/// <item>A response that carries a secret is stored encrypted (<see cref="StoredResponse"/>).</item>
/// </list>
/// </summary>
internal sealed class IdempotencyBehaviour<TRequest, TResponse>(
    IPlatformDbContext db,
    IExpiredIdempotencyKeys expiredKeys,
    IIdempotencyKeys keys,
    ICurrentUser currentUser,
    IdempotencyOutcome outcome,
    ApplicationMetrics metrics,
    TimeProvider timeProvider,
    IOptions<IdempotencyOptions> options) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IIdempotentCommand
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request.IdempotencyKey is not { } key)
        {
            return await next();
        }

        // Every attempt of the unit of work passes here: a retry must not inherit the previous attempt's verdict.
        outcome.Reset();

        var scope = currentUser.UserId is { } userId ? $"user:{userId}" : $"ip:{currentUser.ClientIp ?? "unknown"}";
        var operation = typeof(TRequest).Name;

        var locked = await keys.TryLockAsync(scope, operation, key, cancellationToken);
        if (!locked.Acquired)
        {
            metrics.IdempotencyConflict(operation, "in_progress");
            throw IdempotencyConflicts.InProgress();
        }

        var fingerprint = RequestFingerprint.Compute(options.Value.FingerprintKey, operation, request);
        var now = timeProvider.GetUtcNowMicros();
        var existing = locked.Existing;

        if (existing is not null && existing.ExpiresAt > now)
        {
            if (!string.Equals(existing.RequestFingerprint, fingerprint, StringComparison.Ordinal))
            {
                metrics.IdempotencyConflict(operation, "key_reused");
                throw new UnprocessableException(
                    ErrorCodes.IdempotencyKeyReused,
                    "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
            }

            var stored = StoredResponse.Read<TResponse>(existing, options.Value.ResponseKey);
            outcome.MarkReplayed();
            metrics.IdempotencyReplayed(operation);
            return stored;
        }

        if (existing is not null)
        {
            // Expired but not yet swept: the key is free again. The sweeper may delete it at the same moment,
            // so it is deleted by condition rather than through the change tracker.
            await expiredKeys.DeleteAsync(existing.Id, now, cancellationToken);
        }

        var response = await next();

        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Id = Uuid7.Create(now),
            Scope = scope,
            Operation = operation,
            Key = key,
            RequestFingerprint = fingerprint,
            ResponseJson = StoredResponse.Write(response, options.Value.ResponseKey, scope, operation, key),
            CreatedAt = now,
            ExpiresAt = now + options.Value.KeyTtl,
        });
        return response;
    }
}
