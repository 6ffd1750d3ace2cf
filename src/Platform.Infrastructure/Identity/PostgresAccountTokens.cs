using Microsoft.EntityFrameworkCore;
using Platform.Application.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// <c>account_tokens</c>: one row per account and purpose. Replacing is an upsert that only moves forward in request
/// time; using is a <c>DELETE ... RETURNING</c>, so a token is found and spent by one statement on one instance.
/// </summary>
internal sealed class PostgresAccountTokens(PlatformDbContext db) : IAccountTokens
{
    public async Task<bool> ReplaceAsync(
        Guid userId, AccountTokenPurpose purpose, byte[] tokenHash, string email, DateTimeOffset requestedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var name = Name(purpose);
        var written = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO account_tokens (user_id, purpose, token_hash, email, requested_at, expires_at)
            VALUES ({userId}, {name}, {tokenHash}, {email}, {requestedAt}, {expiresAt})
            ON CONFLICT (user_id, purpose) DO UPDATE
            SET token_hash = EXCLUDED.token_hash, email = EXCLUDED.email, requested_at = EXCLUDED.requested_at, expires_at = EXCLUDED.expires_at
            WHERE account_tokens.requested_at < EXCLUDED.requested_at
            """,
            cancellationToken);
        return written == 1;
    }

    public async Task<UsedAccountToken?> UseAsync(byte[] tokenHash, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = Name(purpose);
        var used = await db.Database
            .SqlQuery<UsedRow>(
                $"""
                DELETE FROM account_tokens
                WHERE token_hash = {tokenHash} AND purpose = {name} AND expires_at > {now}
                RETURNING user_id, email
                """)
            .ToListAsync(cancellationToken);
        return used is [var row] ? new UsedAccountToken(row.UserId, row.Email) : null;
    }

    public async Task RevokeAsync(Guid userId, IReadOnlyCollection<AccountTokenPurpose> purposes, CancellationToken cancellationToken)
    {
        var names = purposes.Select(Name).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM account_tokens WHERE user_id = {userId} AND purpose = ANY({names})",
            cancellationToken);
    }

    private static string Name(AccountTokenPurpose purpose) => purpose switch
    {
        AccountTokenPurpose.EmailVerification => "email_verification",
        AccountTokenPurpose.EmailChange => "email_change",
        AccountTokenPurpose.PasswordReset => "password_reset",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown account token purpose."),
    };

    private sealed record UsedRow(Guid UserId, string Email);
}
