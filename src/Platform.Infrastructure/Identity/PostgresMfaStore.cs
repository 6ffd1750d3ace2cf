using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Identity;
using Platform.Domain.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// <c>user_totp</c>, <c>mfa_recovery_codes</c> and <c>mfa_challenges</c> (migration 0013). A code is spent by an
/// UPDATE conditional on the last step used, a recovery code and an <c>mfa_token</c> by a DELETE that finds them, so
/// each works once however many instances race for it. Runs in the caller's transaction when there is one.
/// </summary>
internal sealed class PostgresMfaStore(PlatformDbContext db, TotpAuthenticator totp) : IMfaStore
{
    public async Task<MfaState?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<StateRow>(
                $"""
                SELECT t.confirmed_at, (SELECT count(*) FROM mfa_recovery_codes c WHERE c.user_id = t.user_id)::int AS remaining
                FROM user_totp t WHERE t.user_id = {userId}
                """)
            .ToListAsync(cancellationToken);
        return rows is [var row] ? new MfaState(row.ConfirmedAt, row.Remaining) : null;
    }

    public async Task<TotpSetup?> StartEnrolmentAsync(Guid userId, string accountName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (sealedSecret, setup) = totp.Create(userId, accountName);
        var written = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO user_totp (user_id, secret_sealed, created_at, confirmed_at, last_used_step)
            VALUES ({userId}, {sealedSecret}, {now}, NULL, NULL)
            ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = EXCLUDED.created_at
            WHERE user_totp.confirmed_at IS NULL
            """,
            cancellationToken);
        return written == 1 ? setup : null;
    }

    public async Task<bool> ConfirmAsync(Guid userId, string code, IReadOnlyList<string> recoveryCodes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        var pending = await db.Database
            .SqlQuery<string>($"SELECT secret_sealed AS \"Value\" FROM user_totp WHERE user_id = {userId} AND confirmed_at IS NULL FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (pending is not [var sealedSecret] || totp.MatchingStep(sealedSecret, userId, code, now) is not { } step)
        {
            return false;
        }

        var hashes = recoveryCodes.Select(HashRecoveryCode).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            WITH confirmed AS (
                UPDATE user_totp SET confirmed_at = {now}, last_used_step = {step}
                WHERE user_id = {userId} AND confirmed_at IS NULL AND secret_sealed = {sealedSecret}
            ), cleared AS (
                DELETE FROM mfa_recovery_codes WHERE user_id = {userId}
            )
            INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT {userId}, h FROM unnest({hashes}) AS h
            """,
            cancellationToken);
        return true;
    }

    public async Task<bool> SpendCodeAsync(Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<SecretRow>($"SELECT secret_sealed, last_used_step FROM user_totp WHERE user_id = {userId} AND confirmed_at IS NOT NULL")
            .ToListAsync(cancellationToken);
        if (rows is not [var row] || totp.MatchingStep(row.SecretSealed, userId, code, now) is not { } step || step <= row.LastUsedStep)
        {
            return false;
        }

        // The step moves forward only if no other request spent this step (or a later one) first.
        var resealed = totp.Reseal(row.SecretSealed, userId) ?? row.SecretSealed;
        var spent = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE user_totp SET last_used_step = {step}, secret_sealed = {resealed}
            WHERE user_id = {userId} AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < {step})
            """,
            cancellationToken);
        return spent == 1;
    }

    public async Task<int?> SpendRecoveryCodeAsync(Guid userId, string code, CancellationToken cancellationToken)
    {
        var hash = HashRecoveryCode(RecoveryCode.Normalize(code));
        var rows = await db.Database
            .SqlQuery<SpentRow>(
                $"""
                WITH spent AS (
                    DELETE FROM mfa_recovery_codes WHERE user_id = {userId} AND code_hash = {hash} RETURNING 1
                )
                SELECT (SELECT count(*) FROM spent)::int AS spent,
                       (SELECT count(*) FROM mfa_recovery_codes WHERE user_id = {userId})::int AS before
                """)
            .ToListAsync(cancellationToken);

        // The statement's snapshot still counts the row it deletes.
        return rows is [{ Spent: 1 } row] ? row.Before - 1 : null;
    }

    public async Task<bool> RemoveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var removed = await db.Database
            .SqlQuery<int>(
                $"""
                WITH authenticator AS (
                    DELETE FROM user_totp WHERE user_id = {userId} RETURNING 1
                ), codes AS (
                    DELETE FROM mfa_recovery_codes WHERE user_id = {userId}
                ), challenges AS (
                    DELETE FROM mfa_challenges WHERE user_id = {userId}
                )
                SELECT count(*)::int AS "Value" FROM authenticator
                """)
            .ToListAsync(cancellationToken);
        return removed is [> 0];
    }

    public async Task<string> IssueChallengeAsync(
        Guid userId, MfaChallengePurpose purpose, string deviceName, string? userAgent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (token, hash) = AccountToken.Create();
        var name = Name(purpose);
        var expiresAt = now + (purpose == MfaChallengePurpose.SignIn ? MfaRules.SignInChallengeLifetime : MfaRules.EnrolmentChallengeLifetime);
        var device = deviceName.Length > UserSession.MaxDeviceNameLength ? deviceName[..UserSession.MaxDeviceNameLength] : deviceName;
        var agent = userAgent is { Length: > UserSession.MaxUserAgentLength } ? userAgent[..UserSession.MaxUserAgentLength] : userAgent;

        // Expired tokens, anyone's, go with the same statement (by index), so the table holds only live ones.
        await db.Database.ExecuteSqlAsync(
            $"""
            WITH expired AS (
                DELETE FROM mfa_challenges WHERE expires_at <= {now}
            )
            INSERT INTO mfa_challenges (token_hash, user_id, purpose, device_name, user_agent, created_at, expires_at)
            VALUES ({hash}, {userId}, {name}, {device}, {agent}, {now}, {expiresAt})
            """,
            cancellationToken);
        return token;
    }

    public async Task<MfaChallenge?> FindChallengeAsync(string token, MfaChallengePurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = AccountToken.Hash(token);
        var name = Name(purpose);
        var rows = await db.Database
            .SqlQuery<ChallengeRow>(
                $"""
                SELECT user_id, device_name, user_agent FROM mfa_challenges
                WHERE token_hash = {hash} AND purpose = {name} AND expires_at > {now}
                """)
            .ToListAsync(cancellationToken);
        return rows is [var row] ? new MfaChallenge(row.UserId, row.DeviceName, row.UserAgent) : null;
    }

    public async Task<bool> ClaimAttemptAsync(string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = AccountToken.Hash(token);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE mfa_challenges SET attempts = attempts + 1
            WHERE token_hash = {hash} AND purpose = 'sign_in' AND expires_at > {now} AND attempts < {MfaRules.MaxCodeAttemptsPerToken}
            """,
            cancellationToken);
        return claimed == 1;
    }

    public async Task<bool> SpendChallengeAsync(string token, MfaChallengePurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = AccountToken.Hash(token);
        var name = Name(purpose);
        var spent = await db.Database.ExecuteSqlAsync(
            $"DELETE FROM mfa_challenges WHERE token_hash = {hash} AND purpose = {name} AND expires_at > {now}",
            cancellationToken);
        return spent == 1;
    }

    public async Task<(int Resealed, int Unreadable)> ResealAllAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Database
            .SqlQuery<SealedRow>($"SELECT user_id, secret_sealed FROM user_totp ORDER BY user_id")
            .ToListAsync(cancellationToken);
        var resealed = 0;
        var unreadable = 0;
        foreach (var row in rows)
        {
            string? current;
            try
            {
                current = totp.Reseal(row.SecretSealed, row.UserId);
            }
            catch (CryptographicException)
            {
                // Sealed under a key this server does not hold: counted, and left for the key's return or an admin reset.
                unreadable++;
                continue;
            }

            if (current is not null)
            {
                // Only if unchanged since it was read: a new enrolment meanwhile is already under the current key.
                resealed += await db.Database.ExecuteSqlAsync(
                    $"UPDATE user_totp SET secret_sealed = {current} WHERE user_id = {row.UserId} AND secret_sealed = {row.SecretSealed}",
                    cancellationToken);
            }
        }

        return (resealed, unreadable);
    }

    public async Task RevokeChallengesAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM mfa_challenges WHERE user_id = {userId}", cancellationToken);

    /// <summary>SHA-256 of the normalised code: 80 random bits, so a hash without a key is enough.</summary>
    private static byte[] HashRecoveryCode(string normalized) => SHA256.HashData(Encoding.ASCII.GetBytes(normalized));

    private static string Name(MfaChallengePurpose purpose) => purpose switch
    {
        MfaChallengePurpose.SignIn => "sign_in",
        MfaChallengePurpose.Enrolment => "enrolment",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown challenge purpose."),
    };

    private sealed record StateRow(DateTimeOffset? ConfirmedAt, int Remaining);

    private sealed record SecretRow(string SecretSealed, long? LastUsedStep);

    private sealed record SealedRow(Guid UserId, string SecretSealed);

    private sealed record SpentRow(int Spent, int Before);

    private sealed record ChallengeRow(Guid UserId, string DeviceName, string? UserAgent);
}
