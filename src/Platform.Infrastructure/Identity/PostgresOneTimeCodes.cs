using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Identity;
using Platform.Domain.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// <c>one_time_codes</c>, one row per user. A code is stored as HMAC-SHA256 of the user id and the code under a key
/// derived from <c>Auth:SecretKey</c> (HKDF, a label of its own): a leaked table reveals no code, and six digits
/// cannot be brute-forced offline without the key. Spending and counting failures are single conditional UPDATEs.
/// </summary>
internal sealed class PostgresOneTimeCodes(PlatformDbContext db, IOptions<AuthOptions> options) : IOneTimeCodes
{
    private static readonly byte[] KeyLabel = "platform-one-time-codes-v1"u8.ToArray();

    private byte[]? key;

    public async Task<bool> ReplaceAsync(Guid userId, string code, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var hash = Hash(userId, code);
        var written = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO one_time_codes (user_id, code_hash, created_at, expires_at, failed_attempts, spent_at)
            VALUES ({userId}, {hash}, {now}, {expiresAt}, 0, NULL)
            ON CONFLICT (user_id) DO UPDATE
            SET code_hash = EXCLUDED.code_hash, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,
                failed_attempts = 0, spent_at = NULL
            WHERE one_time_codes.created_at < EXCLUDED.created_at
            """,
            cancellationToken);
        return written == 1;
    }

    public async Task<bool> SpendAsync(Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = Hash(userId, code);
        var spent = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE one_time_codes SET spent_at = {now}
            WHERE user_id = {userId} AND spent_at IS NULL AND expires_at > {now}
              AND failed_attempts < {OneTimeCodeRules.MaxFailedAttempts} AND code_hash = {hash}
            """,
            cancellationToken);
        return spent == 1;
    }

    public async Task RecordFailureAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE one_time_codes
            SET failed_attempts = failed_attempts + 1,
                spent_at = CASE WHEN failed_attempts + 1 >= {OneTimeCodeRules.MaxFailedAttempts} THEN {now} ELSE spent_at END
            WHERE user_id = {userId} AND spent_at IS NULL
            """,
            cancellationToken);

    private byte[] Hash(Guid userId, string code)
    {
        key ??= HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(options.Value.SecretKey), 32, salt: [], info: KeyLabel);
        var input = new byte[16 + Encoding.ASCII.GetByteCount(code)];
        userId.TryWriteBytes(input);
        Encoding.ASCII.GetBytes(code, input.AsSpan(16));
        return HMACSHA256.HashData(key, input);
    }
}
