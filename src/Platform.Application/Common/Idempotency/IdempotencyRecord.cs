namespace Platform.Application.Common.Idempotency;

/// <summary>
/// A stored idempotent response. Unique on (scope, operation, key): the caller, the command type and the client's
/// key. Written in the command's own transaction, so it exists exactly when the command's change does.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The unique index on (scope, operation, key).</summary>
    public const string UniqueIndex = "ux_idempotency_keys_scope_operation_key";

    public Guid Id { get; init; }

    public string Scope { get; init; } = string.Empty;

    public string Operation { get; init; } = string.Empty;

    public string Key { get; init; } = string.Empty;

    public string RequestFingerprint { get; init; } = string.Empty;

    public string ResponseJson { get; init; } = "null";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
