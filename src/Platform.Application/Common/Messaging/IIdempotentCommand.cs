namespace Platform.Application.Common.Messaging;

/// <summary>
/// A command that accepts an <c>Idempotency-Key</c>. When the key is present the idempotency behaviour stores the
/// key, a fingerprint of the command and its response in the command's transaction, and replays that response
/// for a repeat with the same key.
/// </summary>
public interface IIdempotentCommand
{
    /// <summary>The client's key, or null when the client sent none (the command then simply runs).</summary>
    string? IdempotencyKey { get; }
}
