namespace Platform.Application.Common.Idempotency;

public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a key is remembered. Default 24 hours.</summary>
    public TimeSpan KeyTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Secret for the request fingerprint (an HMAC, so a stored fingerprint cannot be used to test guesses of
    /// fields such as a password). The API derives it from the signing key, so every instance agrees.
    /// </summary>
    public byte[] FingerprintKey { get; set; } = [];

    /// <summary>
    /// Key (32 bytes) that encrypts stored responses carrying a secret (AES-256-GCM, see <see cref="StoredResponse"/>).
    /// The API derives it from the server secret with <see cref="StoredResponse.DeriveKey"/>, so every instance agrees.
    /// </summary>
    public byte[] ResponseKey { get; set; } = [];

    /// <summary>How many expired keys the cleanup job deletes per statement.</summary>
    public int CleanupBatchSize { get; set; } = 1000;
}
