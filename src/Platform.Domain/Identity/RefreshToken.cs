using Platform.Domain.Common;

namespace Platform.Domain.Identity;

/// <summary>
/// One refresh token of a session (its family). Only the token's SHA-256 hash is stored. A token that was
/// exchanged keeps its row, marked rotated, so presenting it again is recognised as reuse. The successor salt lets
/// the server re-derive the successor from the presented token itself (within the overlap window) without ever
/// storing a usable token.
/// </summary>
public sealed class RefreshToken : Entity
{
    private RefreshToken()
    {
    }

    private RefreshToken(Guid id, Guid sessionId, string tokenHash, DateTimeOffset now)
        : base(id)
    {
        SessionId = sessionId;
        TokenHash = tokenHash;
        IssuedAt = now;
    }

    public Guid SessionId { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? RotatedAt { get; private set; }

    public byte[]? SuccessorSalt { get; private set; }

    public bool IsRotated => RotatedAt is not null;

    public static RefreshToken Issue(Guid sessionId, string tokenHash, DateTimeOffset now) =>
        new(Uuid7.Create(now), sessionId, tokenHash, now);

    /// <summary>Marks this token exchanged for a successor derived with <paramref name="successorSalt"/>.</summary>
    public void MarkRotated(DateTimeOffset now, byte[] successorSalt)
    {
        if (RotatedAt is not null)
        {
            throw new DomainException(IdentityErrorCodes.RefreshTokenReused, "This refresh token was already exchanged.");
        }

        RotatedAt = now;
        SuccessorSalt = successorSalt;
    }

    /// <summary>
    /// Whether presenting this rotated token again is the allowed retry of a lost response: only while the overlap
    /// window since its rotation lasts. Anything else is reuse.
    /// </summary>
    public bool IsWithinOverlap(DateTimeOffset now, TimeSpan overlap) =>
        RotatedAt is { } rotated && overlap > TimeSpan.Zero && now - rotated <= overlap;
}
