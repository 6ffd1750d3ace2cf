using Npgsql;
using NpgsqlTypes;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>Rows email tests start from, written straight to the database: what a provider's event or an earlier change would have left.</summary>
public static class EmailTestData
{
    /// <summary>Puts <paramref name="email"/> on the suppression list, as a provider's event would.</summary>
    public static async Task SuppressAsync(NpgsqlDataSource dataSource, string email, string reason = "hard_bounce", string source = "postmark")
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO email_suppressions (email, reason, source, created_at) VALUES (upper($1), $2, $3, now())");
        command.Parameters.AddWithValue(email);
        command.Parameters.AddWithValue(reason);
        command.Parameters.AddWithValue(source);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// One <c>users.password_changed</c> integration event per address in the outbox, as committed password changes
    /// leave them: the dispatcher turns each into one mail. Much faster than changing passwords through the API.
    /// </summary>
    public static async Task QueuePasswordChangesAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> emails, string displayName = "Test")
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, status, attempts, next_attempt_at)
            SELECT gen_random_uuid(), 'users.password_changed',
                   jsonb_build_object('id', gen_random_uuid(), 'email', e, 'display_name', $2::text, 'roles', '[]'::jsonb,
                                      'created_at', '2026-01-01T00:00:00Z', 'disabled_at', null),
                   now(), 'pending', 0, now()
            FROM unnest($1) AS e
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = emails.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.AddWithValue(displayName);
        await command.ExecuteNonQueryAsync();
    }
}
