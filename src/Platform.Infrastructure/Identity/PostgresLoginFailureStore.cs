using Npgsql;
using Platform.Application.Common.Interfaces;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>Consecutive sign-in failures per account in <c>login_failures</c>: one atomic upsert per failure.</summary>
internal sealed class PostgresLoginFailureStore(DatabaseCircuitBreaker breaker) : ILoginFailureStore
{
    public async Task<DateTimeOffset?> BlockedUntilAsync(string account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await breaker.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT blocked_until FROM login_failures WHERE account = $1 AND blocked_until > $2", connection);
        command.Parameters.AddWithValue(account);
        command.Parameters.AddWithValue(now);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : value as DateTimeOffset?;
    }

    public async Task<int> RecordFailureAsync(string account, DateTimeOffset now, TimeSpan forgetAfter, Func<int, TimeSpan> delayAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delayAfter);
        await using var connection = await breaker.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int failures;
        await using (var count = new NpgsqlCommand(
            """
            INSERT INTO login_failures AS f (account, failures, last_failed_at, blocked_until)
            VALUES ($1, 1, $2, $2)
            ON CONFLICT (account) DO UPDATE SET
                failures = CASE WHEN f.last_failed_at < $3 THEN 1 ELSE f.failures + 1 END,
                last_failed_at = $2
            RETURNING failures
            """,
            connection,
            transaction))
        {
            count.Parameters.AddWithValue(account);
            count.Parameters.AddWithValue(now);
            count.Parameters.AddWithValue(now - forgetAfter);
            failures = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        await using (var block = new NpgsqlCommand("UPDATE login_failures SET blocked_until = $2 WHERE account = $1", connection, transaction))
        {
            block.Parameters.AddWithValue(account);
            block.Parameters.AddWithValue(now + delayAfter(failures));
            await block.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return failures;
    }

    public async Task ResetAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await breaker.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM login_failures WHERE account = $1", connection);
        command.Parameters.AddWithValue(account);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
